package cq.retirees.infra.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record UserView(UUID id, String username, String displayName, List<String> roles, List<String> areaCodes,
                       List<UUID> receivingBodyIds, List<UUID> enterpriseIds, boolean disabled, long version,
                       Instant createdAt, Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.displayName(),
                user.roles().stream().map(Enum::name).sorted().toList(),
                user.areaCodes().stream().map(Object::toString).sorted().toList(),
                user.receivingBodyIds().stream().sorted().toList(),
                user.enterpriseIds().stream().sorted().toList(),
                user.disabled(), user.version(), user.createdAt(), user.updatedAt());
    }
}
