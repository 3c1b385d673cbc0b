package cq.retirees.registry.internal;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.FreeTextFields;
import cq.retirees.infra.http.Versions;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.EnterpriseCategory;
import io.helidon.dbclient.DbExecute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registering and changing enterprises: credit code checked (GB 32100), areas in force, parent links acyclic. */
final class EnterpriseRegistration {

    private final EnterprisesDb enterprises;
    private final AreasDb areas;
    private final AuditTrail audit;
    private final Clock clock;

    EnterpriseRegistration(EnterprisesDb enterprises, AreasDb areas, AuditTrail audit, Clock clock) {
        this.enterprises = enterprises;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    Enterprise register(DbExecute tx, Actor actor, String address, EnterpriseDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        CreditCode creditCode = null;
        try {
            creditCode = CreditCode.parse(draft.creditCode());
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("creditCode", e.code()));
        }
        Enterprise enterprise = merged(tx, new Enterprise(UUID.randomUUID(), creditCode, null, null, null, null, null,
                1, null, null), draft, errors, true, parent -> true);
        if (!enterprises.insert(tx, enterprise)) {
            throw ApiException.conflict("CREDIT_CODE_TAKEN");
        }
        audit.append(tx, AuditRecord.of(actor, address, "ENTERPRISE_REGISTERED", "enterprise", enterprise.id(),
                Outcome.SUCCESS, Map.of("creditCode", enterprise.creditCode().value())));
        return enterprises.byId(tx, enterprise.id()).orElseThrow();
    }

    /**
     * Applies a change. {@code mayName} says which enterprises the caller may name as parent: one it cannot see is
     * answered exactly like one that does not exist.
     */
    Enterprise change(DbExecute tx, Actor actor, String address, Enterprise current, long expectedVersion,
                      EnterpriseDraft draft, java.util.function.Predicate<Enterprise> mayName) {
        if (draft.creditCode() != null && !draft.creditCode().equals(current.creditCode().value())) {
            throw ApiException.invalid(FieldError.of("creditCode", "FIELD_NOT_CHANGEABLE"));
        }
        if (current.version() != expectedVersion) {
            throw Versions.stale();
        }
        Enterprise changed = merged(tx, current, draft, new ArrayList<>(), false, mayName);
        if (!enterprises.update(tx, changed, expectedVersion)) {
            throw Versions.stale();
        }
        audit.append(tx, AuditRecord.of(actor, address, "ENTERPRISE_UPDATED", "enterprise", current.id(),
                Outcome.SUCCESS, Map.of()));
        return enterprises.byId(tx, current.id()).orElseThrow();
    }

    /** Applies the draft's fields over {@code base}; with {@code complete}, every field is required. */
    private Enterprise merged(DbExecute tx, Enterprise base, EnterpriseDraft draft, List<FieldError> errors,
                              boolean complete, java.util.function.Predicate<Enterprise> mayName) {
        String name = draft.name() == null && !complete ? base.name()
                : FreeTextFields.required("name", draft.name(), FreeText.SINGLE_LINE, 100, "NAME_INVALID", errors);
        EnterpriseCategory category = base.category();
        if (draft.category() != null || complete) {
            try {
                category = EnterpriseCategory.valueOf(String.valueOf(draft.category()));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("category", "KIND_UNKNOWN", Arrays.toString(EnterpriseCategory.values())));
            }
        }
        AreaCode insured = draft.insuredAreaCode() == null && !complete ? base.insuredArea()
                : area(tx, "insuredAreaCode", draft.insuredAreaCode(), errors);
        AreaCode location = draft.locationAreaCode() == null && !complete ? base.locationArea()
                : area(tx, "locationAreaCode", draft.locationAreaCode(), errors);
        UUID parent = base.parentId();
        if (draft.parentId() != null) {
            parent = draft.parentId().isBlank() ? null : parent(tx, base.id(), draft.parentId(), mayName, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Enterprise(base.id(), base.creditCode(), name, category, parent, insured, location, base.version(),
                base.createdAt(), base.updatedAt());
    }

    private AreaCode area(DbExecute tx, String field, String value, List<FieldError> errors) {
        try {
            AreaCode code = AreaCode.of(value);
            if (areas.on(tx, code, LocalDate.now(clock)).isEmpty()) {
                errors.add(FieldError.of(field, "AREA_UNKNOWN", code.value()));
            }
            return code;
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e.code()));
            return null;
        }
    }

    private UUID parent(DbExecute tx, UUID self, String value, java.util.function.Predicate<Enterprise> mayName,
                        List<FieldError> errors) {
        try {
            UUID parent = UUID.fromString(value);
            if (enterprises.byId(tx, parent).filter(mayName).isEmpty()) {
                errors.add(FieldError.of("parentId", "PARENT_UNKNOWN"));
            } else if (enterprises.climbsTo(tx, parent, self)) {
                errors.add(FieldError.of("parentId", "PARENT_CYCLE"));
            }
            return parent;
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("parentId", "ID_INVALID"));
            return null;
        }
    }
}
