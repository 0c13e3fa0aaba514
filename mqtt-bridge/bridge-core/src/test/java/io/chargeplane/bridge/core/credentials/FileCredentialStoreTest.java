package io.chargeplane.bridge.core.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.PasswordHash;
import io.chargeplane.bridge.core.spi.StationCredentials;
import io.chargeplane.bridge.core.spi.StationVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCredentialStoreTest {

    private static final String HASH = PasswordHash.create("s3cret".getBytes(StandardCharsets.UTF_8), 1000).format();

    @Test
    void loadsStationsFromAFileAndVerifiesTheirPasswords(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stations.properties");
        Files.writeString(file, """
                CP-0001.tenant=acme
                CP-0001.password-hash=%s
                CP-0002.tenant=acme
                CP-0002.device=site7-east
                CP-0002.password-hash=%s
                CP-0002.security-profile=2
                CP-0002.enabled=false
                """.formatted(HASH, HASH));
        FileCredentialStore store = FileCredentialStore.load(file);

        StationCredentials first = store.find("CP-0001").await().indefinitely();
        assertEquals("acme", first.tenant().value());
        assertEquals("CP-0001", first.device().value());
        assertEquals(1, first.securityProfile());
        assertTrue(first.verify("s3cret"));
        assertFalse(first.verify("s3cret "));

        StationCredentials second = store.find("CP-0002").await().indefinitely();
        assertEquals("site7-east", second.device().value());
        assertFalse(second.enabled());
        assertFalse(second.verify("s3cret"));
    }

    @Test
    void verifyDecidesUnknownDisabledRefusedAndAccepted() {
        Properties properties = new Properties();
        properties.setProperty("CP-1.tenant", "acme");
        properties.setProperty("CP-1.password-hash", HASH);
        properties.setProperty("CP-2.tenant", "acme");
        properties.setProperty("CP-2.password-hash", HASH);
        properties.setProperty("CP-2.enabled", "false");
        properties.setProperty("CP-3.tenant", "acme");
        properties.setProperty("CP-3.security-profile", "0");
        FileCredentialStore store = FileCredentialStore.parse(properties, "test");
        byte[] right = "s3cret".getBytes(StandardCharsets.UTF_8);

        assertTrue(store.verify("CP-9", right).await().indefinitely() instanceof StationVerdict.Unknown);
        assertTrue(store.verify("CP-2", right).await().indefinitely() instanceof StationVerdict.Disabled);
        assertTrue(store.verify("CP-1", "wrong".getBytes(StandardCharsets.UTF_8)).await().indefinitely()
                instanceof StationVerdict.Refused);
        assertTrue(store.verify("CP-1", null).await().indefinitely() instanceof StationVerdict.Refused);
        StationVerdict accepted = store.verify("CP-1", right).await().indefinitely();
        assertEquals("CP-1", ((StationVerdict.Accepted) accepted).station().device().value());
        assertTrue(store.verify("CP-3", null).await().indefinitely() instanceof StationVerdict.Accepted,
                "profile 0 needs no secret");
    }

    @Test
    void unknownStationIsANullItem() {
        assertNull(FileCredentialStore.empty().find("CP-9").await().indefinitely());
    }

    @Test
    void clearPasswordsAreRefusedAtLoad() {
        Properties properties = new Properties();
        properties.setProperty("CP-0001.tenant", "acme");
        properties.setProperty("CP-0001.password", "s3cret");

        var error = assertThrows(IllegalArgumentException.class, () -> FileCredentialStore.parse(properties, "test"));
        assertTrue(error.getMessage().contains("CP-0001.password"), error.getMessage());
        assertFalse(error.getMessage().contains("s3cret"));
    }

    @Test
    void basicAuthProfilesNeedAHash() {
        Properties properties = new Properties();
        properties.setProperty("CP-0001.tenant", "acme");

        var error = assertThrows(IllegalArgumentException.class, () -> FileCredentialStore.parse(properties, "test"));
        assertTrue(error.getMessage().contains("password-hash is required"), error.getMessage());
    }

    @Test
    void missingTenantNamesTheStation() {
        Properties properties = new Properties();
        properties.setProperty("CP-0001.password-hash", HASH);

        var error = assertThrows(IllegalArgumentException.class, () -> FileCredentialStore.parse(properties, "test"));
        assertTrue(error.getMessage().contains("'CP-0001'") && error.getMessage().contains("tenant"), error.getMessage());
    }
}
