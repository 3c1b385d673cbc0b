package cq.retirees.infra.security;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.FreeTextFields;
import cq.retirees.infra.http.Versions;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import io.helidon.dbclient.DbExecute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creating and changing users, with every rule about roles and scopes checked before anything is written. */
final class UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final int MAX_PASSWORD = 128;

    private final UsersDb users;
    private final SessionsDb sessions;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final ScopeTargets targets;
    private final SecuritySettings settings;

    UserAdministration(UsersDb users, SessionsDb sessions, PasswordHasher hasher, AuditTrail audit,
                       ScopeTargets targets, SecuritySettings settings) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.targets = targets;
        this.settings = settings;
    }

    User create(DbExecute tx, Actor actor, String address, UserDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String username = FreeTextFields.read("username", draft.username(), FreeText.SINGLE_LINE, errors);
        if (draft.username() == null || (username != null && !USERNAME.matcher(username).matches())) {
            errors.add(FieldError.of("username", "USERNAME_INVALID"));
        }
        String displayName = displayName(draft.displayName(), errors);
        checkPassword(draft.password(), true, errors);
        Set<Role> roles = roles(draft.roles(), true, errors);
        Set<AreaCode> areas = areas(draft.areaCodes(), errors);
        Set<UUID> bodies = uuids("receivingBodyIds", draft.receivingBodyIds(), errors);
        Set<UUID> enterprises = uuids("enterpriseIds", draft.enterpriseIds(), errors);
        checkScopeFitsRoles(roles, areas, bodies, enterprises, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        User user = new User(UUID.randomUUID(), username, displayName, roles, areas, bodies,
                enterprises, false, 1, Instant.now(), Instant.now());
        if (!users.insert(tx, user, hasher.hash(draft.password()))) {
            throw ApiException.conflict("USERNAME_TAKEN", username);
        }
        audit.append(tx, AuditRecord.of(actor, address, "USER_CREATED", "user", user.id(), Outcome.SUCCESS,
                Map.of("username", user.username(), "roles", String.join(",", names(roles)))));
        return users.byId(tx, user.id()).orElseThrow();
    }

    User update(DbExecute tx, Actor actor, String address, UUID id, long expectedVersion, UserChanges changes) {
        User current = users.byId(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "user"));
        if (current.version() != expectedVersion) {
            throw Versions.stale();
        }
        List<FieldError> errors = new ArrayList<>();
        String displayName = changes.displayName() == null ? current.displayName()
                : displayName(changes.displayName(), errors);
        checkPassword(changes.password(), false, errors);
        Set<Role> roles = changes.roles() == null ? current.roles() : roles(changes.roles(), true, errors);
        Set<AreaCode> areas = changes.areaCodes() == null ? current.areaCodes() : areas(changes.areaCodes(), errors);
        Set<UUID> bodies = changes.receivingBodyIds() == null ? current.receivingBodyIds()
                : uuids("receivingBodyIds", changes.receivingBodyIds(), errors);
        Set<UUID> enterprises = changes.enterpriseIds() == null ? current.enterpriseIds()
                : uuids("enterpriseIds", changes.enterpriseIds(), errors);
        checkScopeFitsRoles(roles, areas, bodies, enterprises, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean disabled = changes.disabled() == null ? current.disabled() : changes.disabled();
        boolean staysPlatformAdmin = roles.contains(Role.PLATFORM_ADMIN) && !disabled;
        if (current.roles().contains(Role.PLATFORM_ADMIN) && !staysPlatformAdmin
                && users.enabledPlatformAdminsOtherThan(tx, id) == 0) {
            throw ApiException.conflict("LAST_PLATFORM_ADMIN");
        }
        User changed = new User(id, current.username(),
                displayName,
                roles, areas, bodies, enterprises, disabled, current.version(), current.createdAt(), current.updatedAt());
        if (!users.update(tx, changed, expectedVersion, Optional.ofNullable(changes.password()).map(hasher::hash))) {
            throw Versions.stale();
        }
        // A disabled user, a new password or a narrower role set ends every open session of the user.
        long revoked = disabled || changes.password() != null || !roles.containsAll(current.roles())
                || !areas.containsAll(current.areaCodes()) ? sessions.revokeAllOf(tx, id) : 0;
        audit.append(tx, AuditRecord.of(actor, address, "USER_UPDATED", "user", id, Outcome.SUCCESS,
                Map.of("fields", String.join(",", changedFields(changes)), "sessionsRevoked", Long.toString(revoked))));
        return users.byId(tx, id).orElseThrow();
    }

    /** On an empty database: the platform admin {@code admin}; returns the password if one was generated. */
    Optional<String> createFirstAdmin(DbExecute tx) {
        if (users.anyUser(tx)) {
            return Optional.empty();
        }
        boolean generated = settings.initialAdminPassword().isEmpty();
        String password = settings.initialAdminPassword().orElseGet(BearerTokens::newPassword);
        User admin = new User(UUID.randomUUID(), "admin", "Platform administrator", Set.of(Role.PLATFORM_ADMIN),
                Set.of(), Set.of(), Set.of(), false, 1, Instant.now(), Instant.now());
        if (!users.insert(tx, admin, hasher.hash(password))) {
            return Optional.empty(); // another instance created it first
        }
        audit.append(tx, AuditRecord.of(Actor.SYSTEM, null, "USER_CREATED", "user", admin.id(), Outcome.SUCCESS,
                Map.of("username", "admin", "roles", "PLATFORM_ADMIN",
                        "passwordSource", generated ? "GENERATED" : "CONFIGURED")));
        return generated ? Optional.of(password) : Optional.empty();
    }

    private static String displayName(String raw, List<FieldError> errors) {
        return FreeTextFields.required("displayName", raw, FreeText.SINGLE_LINE, 100, "DISPLAY_NAME_INVALID", errors);
    }

    private void checkPassword(String password, boolean required, List<FieldError> errors) {
        if (password == null) {
            if (required) {
                errors.add(FieldError.of("password", "PASSWORD_TOO_SHORT", settings.minPasswordLength()));
            }
            return;
        }
        if (password.length() < settings.minPasswordLength()) {
            errors.add(FieldError.of("password", "PASSWORD_TOO_SHORT", settings.minPasswordLength()));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(FieldError.of("password", "PASSWORD_TOO_LONG", MAX_PASSWORD));
        }
    }

    private static Set<Role> roles(List<String> names, boolean required, List<FieldError> errors) {
        Set<Role> roles = new LinkedHashSet<>();
        if (names == null || names.isEmpty()) {
            if (required) {
                errors.add(FieldError.of("roles", "ROLES_REQUIRED"));
            }
            return roles;
        }
        for (int i = 0; i < names.size(); i++) {
            try {
                roles.add(Role.valueOf(String.valueOf(names.get(i))));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("roles[" + i + "]", "ROLE_UNKNOWN", String.valueOf(names.get(i))));
            }
        }
        return roles;
    }

    private Set<AreaCode> areas(List<String> codes, List<FieldError> errors) {
        Set<AreaCode> areas = new LinkedHashSet<>();
        if (codes == null) {
            return areas;
        }
        for (int i = 0; i < codes.size(); i++) {
            try {
                AreaCode area = AreaCode.of(codes.get(i));
                if (targets.areaInForce(area)) {
                    areas.add(area);
                } else {
                    errors.add(FieldError.of("areaCodes[" + i + "]", "AREA_UNKNOWN", area.value()));
                }
            } catch (InvalidValueException e) {
                errors.add(FieldError.of("areaCodes[" + i + "]", e.code()));
            }
        }
        return areas;
    }

    private static Set<UUID> uuids(String field, List<String> values, List<FieldError> errors) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (values == null) {
            return ids;
        }
        for (int i = 0; i < values.size(); i++) {
            try {
                ids.add(UUID.fromString(String.valueOf(values.get(i))));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(field + "[" + i + "]", "ID_INVALID"));
            }
        }
        return ids;
    }

    private void checkScopeFitsRoles(Set<Role> roles, Set<AreaCode> areas, Set<UUID> bodies, Set<UUID> enterprises,
                                     List<FieldError> errors) {
        boolean district = roles.contains(Role.DISTRICT_OPERATOR);
        boolean enterprise = roles.contains(Role.ENTERPRISE_OPERATOR);
        if (district && areas.isEmpty()) {
            errors.add(FieldError.of("areaCodes", "SCOPE_AREAS_REQUIRED"));
        }
        if (!district && !areas.isEmpty()) {
            errors.add(FieldError.of("areaCodes", "SCOPE_NOT_FOR_ROLE", "DISTRICT_OPERATOR"));
        }
        if (!district && !bodies.isEmpty()) {
            errors.add(FieldError.of("receivingBodyIds", "SCOPE_NOT_FOR_ROLE", "DISTRICT_OPERATOR"));
        }
        if (enterprise && enterprises.isEmpty()) {
            errors.add(FieldError.of("enterpriseIds", "SCOPE_ENTERPRISES_REQUIRED"));
        }
        if (!enterprise && !enterprises.isEmpty()) {
            errors.add(FieldError.of("enterpriseIds", "SCOPE_NOT_FOR_ROLE", "ENTERPRISE_OPERATOR"));
        }
        int i = 0;
        for (UUID body : bodies) {
            Optional<AreaCode> area = targets.areaOfReceivingBody(body);
            if (area.isEmpty() || !areas.contains(area.get())) {
                errors.add(FieldError.of("receivingBodyIds[" + i + "]", "RECEIVING_BODY_NOT_IN_AREAS"));
            }
            i++;
        }
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    private static List<String> changedFields(UserChanges changes) {
        List<String> fields = new ArrayList<>();
        if (changes.displayName() != null) fields.add("displayName");
        if (changes.password() != null) fields.add("password");
        if (changes.roles() != null) fields.add("roles");
        if (changes.areaCodes() != null) fields.add("areaCodes");
        if (changes.receivingBodyIds() != null) fields.add("receivingBodyIds");
        if (changes.enterpriseIds() != null) fields.add("enterpriseIds");
        if (changes.disabled() != null) fields.add("disabled");
        return fields;
    }
}
