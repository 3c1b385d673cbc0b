package cq.retirees.infra.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The keys that protect personal data. One 256-bit master key, from configuration ({@code security.data-key},
 * base64) or, on a development machine, generated once into {@code <data-dir>/keys/data.key} with a warning.
 * Two working keys are derived from it (HMAC-SHA256 with a label, as in HKDF's expand step), so the encryption
 * key and the lookup-hash key are never the same bytes.
 */
public final class DataKeys {

    private static final System.Logger LOG = System.getLogger(DataKeys.class.getName());

    private final SecretKeySpec encryption;
    private final SecretKeySpec lookup;

    private DataKeys(byte[] master) {
        if (master.length != 32) {
            throw new IllegalArgumentException("security.data-key must be 32 bytes, base64-encoded (got "
                    + master.length + " bytes)");
        }
        this.encryption = new SecretKeySpec(derive(master, "cq-retirees/personal-data/aes-gcm/v1"), "AES");
        this.lookup = new SecretKeySpec(derive(master, "cq-retirees/personal-data/lookup-hmac/v1"), "HmacSHA256");
    }

    public static DataKeys of(byte[] master) {
        return new DataKeys(master);
    }

    /** The configured key, else the development key under {@code dataDirectory} (created on first use). */
    public static DataKeys load(Optional<String> configuredBase64, Path dataDirectory) {
        if (configuredBase64.isPresent() && !configuredBase64.get().isBlank()) {
            return new DataKeys(Base64.getDecoder().decode(configuredBase64.get().trim()));
        }
        Path keyFile = dataDirectory.resolve("keys").resolve("data.key");
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(keyFile.getParent());
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                restrictToOwner(keyFile);
            }
            LOG.log(Level.WARNING, "No security.data-key (PLATFORM_DATA_KEY) configured: personal data is encrypted"
                    + " with the development key in {0}. Losing that file makes ID and phone numbers unreadable;"
                    + " configure a managed key in production.", keyFile);
            return new DataKeys(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the development data key " + keyFile, e);
        }
    }

    SecretKeySpec encryptionKey() {
        return encryption;
    }

    SecretKeySpec lookupKey() {
        return lookup;
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
