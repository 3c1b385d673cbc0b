package cq.retirees.kernel.access;

import java.util.Set;
import java.util.UUID;

/** The authenticated user behind a request, as every module sees it. */
public record Actor(UUID userId, String username, Set<Role> roles, Scope scope) {

    /** The platform itself, for work nobody asked for (start-up, scheduled jobs). */
    public static final Actor SYSTEM = new Actor(new UUID(0, 0), "system", Set.of(), Scope.CITYWIDE);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
