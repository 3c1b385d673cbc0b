package cq.retirees.infra.security;

import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import cq.retirees.kernel.access.Scope;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A platform user as stored (without the password hash). */
public record User(UUID id, String username, String displayName, Set<Role> roles, Set<AreaCode> areaCodes,
                   Set<UUID> receivingBodyIds, Set<UUID> enterpriseIds, boolean disabled, long version,
                   Instant createdAt, Instant updatedAt) {

    public User {
        roles = Set.copyOf(roles);
        areaCodes = Set.copyOf(areaCodes);
        receivingBodyIds = Set.copyOf(receivingBodyIds);
        enterpriseIds = Set.copyOf(enterpriseIds);
    }

    /**
     * Municipal admins and auditors see the whole city. Platform admins run the platform (users, plugins) and see
     * no retiree's data by that role alone.
     */
    public Actor toActor() {
        boolean citywide = roles.contains(Role.MUNICIPAL_ADMIN) || roles.contains(Role.AUDITOR);
        Scope scope = citywide ? Scope.CITYWIDE : new Scope(false,
                roles.contains(Role.DISTRICT_OPERATOR) ? areaCodes : Set.of(),
                roles.contains(Role.DISTRICT_OPERATOR) ? receivingBodyIds : Set.of(),
                roles.contains(Role.ENTERPRISE_OPERATOR) ? enterpriseIds : Set.of());
        return new Actor(id, username, roles, scope);
    }
}
