package cq.retirees.infra.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataCipherTest {

    private static final String ID = "11010519491231002X";
    private final PersonalDataCipher cipher = new PersonalDataCipher(DataKeys.of(new byte[32]));

    @Test
    void encryptsWithAFreshIvEachTimeAndDecryptsBack() {
        byte[] first = cipher.encrypt(ID);
        byte[] second = cipher.encrypt(ID);
        assertFalse(Arrays.equals(first, second), "same plaintext, different ciphertexts");
        assertEquals(ID, cipher.decrypt(first));
        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains("110105"), "no plaintext inside");
    }

    @Test
    void anAlteredCiphertextIsRefused() {
        byte[] sealed = cipher.encrypt(ID);
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        PersonalDataCipher other = new PersonalDataCipher(DataKeys.of(otherKey));
        assertThrows(IllegalStateException.class, () -> other.decrypt(cipher.encrypt(ID)));
    }

    @Test
    void lookupHashesAreStablePerKeyAndDifferAcrossKeys() {
        assertArrayEquals(cipher.lookupHash(ID), cipher.lookupHash(ID));
        byte[] otherKey = new byte[32];
        otherKey[31] = 7;
        assertFalse(Arrays.equals(cipher.lookupHash(ID), new PersonalDataCipher(DataKeys.of(otherKey)).lookupHash(ID)));
        assertNotEquals(cipher.lookupHash(ID).length, 0);
    }

    @Test
    void withoutAConfiguredKeyADevelopmentKeyIsCreatedOnceAndKept(@TempDir Path dataDirectory) throws Exception {
        PersonalDataCipher first = new PersonalDataCipher(DataKeys.load(Optional.empty(), dataDirectory));
        Path keyFile = dataDirectory.resolve("keys/data.key");
        assertTrue(Files.exists(keyFile));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        PersonalDataCipher again = new PersonalDataCipher(DataKeys.load(Optional.empty(), dataDirectory));
        assertEquals(ID, again.decrypt(first.encrypt(ID)), "the same key after a restart");
    }

    @Test
    void aConfiguredKeyMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class,
                () -> DataKeys.load(Optional.of(java.util.Base64.getEncoder().encodeToString(new byte[16])), Path.of(".")));
    }
}
