package cq.retirees.infra.security;

import io.helidon.config.Config;

import java.time.Duration;
import java.util.Optional;

/** The {@code security} configuration subtree, plus the first admin's password from {@code platform.admin-password}. */
public record SecuritySettings(Duration idleTimeout,
                               Duration absoluteTimeout,
                               int maxFailuresPerUser,
                               int maxFailuresPerAddress,
                               Duration throttleWindow,
                               int minPasswordLength,
                               Optional<String> initialAdminPassword) {

    public static SecuritySettings from(Config security, Optional<String> initialAdminPassword) {
        return new SecuritySettings(
                security.get("session.idle-timeout").as(Duration.class).orElse(Duration.ofMinutes(30)),
                security.get("session.absolute-timeout").as(Duration.class).orElse(Duration.ofHours(12)),
                security.get("login-throttle.max-failures-per-user").asInt().orElse(5),
                security.get("login-throttle.max-failures-per-address").asInt().orElse(20),
                security.get("login-throttle.window").as(Duration.class).orElse(Duration.ofMinutes(15)),
                security.get("password.min-length").asInt().orElse(12),
                initialAdminPassword.filter(p -> !p.isBlank()));
    }
}
