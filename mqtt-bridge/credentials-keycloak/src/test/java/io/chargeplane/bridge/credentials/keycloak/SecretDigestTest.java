package io.chargeplane.bridge.credentials.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretDigestTest {

    private final SecretDigest digests = new SecretDigest();

    @Test
    void theSameSecretOfTheSameStationHasTheSameDigest() {
        assertEquals(digests.of("CP-1", bytes("s3cret")), digests.of("CP-1", bytes("s3cret")));
    }

    @Test
    void anotherSecretAnotherStationOrAMissingSecretAllDiffer() {
        SecretDigest.Digest reference = digests.of("CP-1", bytes("s3cret"));
        assertNotEquals(reference, digests.of("CP-1", bytes("s3cret ")));
        assertNotEquals(reference, digests.of("CP-2", bytes("s3cret")));
        assertNotEquals(digests.of("CP-1", null), digests.of("CP-1", new byte[0]));
        assertNotEquals(digests.of("ab", bytes("c")), digests.of("a", bytes("bc")));
    }

    @Test
    void digestsAreSaltedPerProcessKeySoAnotherKeyGivesAnotherDigest() {
        assertNotEquals(digests.of("CP-1", bytes("s3cret")), new SecretDigest().of("CP-1", bytes("s3cret")));
    }

    @Test
    void aDigestNeverPrintsItsBytes() {
        assertFalse(digests.of("CP-1", bytes("s3cret")).toString().matches(".*[0-9a-f]{16}.*"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
