package cq.retirees.infra.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id through Spring Security's encoder (BouncyCastle underneath): salt, parameters and hash in one string,
 * compared in constant time. Parameters follow OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane).
 */
public final class PasswordHasher {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    // Checked against when the user name is unknown, so both paths cost the same and reveal nothing.
    private final String decoy = encoder.encode("decoy-password-for-unknown-users");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    public void spendTimeOfOneCheck(String password) {
        encoder.matches(password, decoy);
    }
}
