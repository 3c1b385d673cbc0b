package cq.retirees.infra.crypto;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Encrypts personal data at rest with AES-256-GCM (the JDK's implementation) and computes the keyed lookup hash
 * (HMAC-SHA256) that makes exact search and uniqueness possible without storing the value. A ciphertext is
 * {@code version(1) ‖ iv(12) ‖ ciphertext+tag}; the version byte leaves room for key rotation.
 */
public final class PersonalDataCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();
    // Cipher and Mac are not thread-safe and not free to create: one per thread (imports run in several).
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::newCipher);
    private final ThreadLocal<Mac> macs;

    public PersonalDataCipher(DataKeys keys) {
        this.keys = keys;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(keys.lookupKey());
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public byte[] encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.encryptionKey(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored.length < 1 + IV_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("not a ciphertext of this platform (version " + (stored.length > 0 ? stored[0] : -1) + ")");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, keys.encryptionKey(), new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            return new String(cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or altered data", e);
        }
    }

    /** The keyed hash of a normalised value: equal values, equal hashes; useless without the key. */
    public byte[] lookupHash(String normalised) {
        return macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
