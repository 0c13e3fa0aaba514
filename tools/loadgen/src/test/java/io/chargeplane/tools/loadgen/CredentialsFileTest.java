package io.chargeplane.tools.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.credentials.FileCredentialStore;
import io.chargeplane.bridge.core.spi.StationCredentials;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @Test
    void theBridgesCredentialStoreReadsTheFileAndVerifiesTheGeneratorsPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stations.properties");
        Settings stations = Settings.parse(List.of("--chargers", "3", "--first-station", "7", "--password", "s3cret"));
        CredentialsFile.write(file, stations, "bench", 1_000);

        FileCredentialStore store = FileCredentialStore.load(file);
        assertEquals(3, store.size());
        StationCredentials last = store.find("LG-000009").await().indefinitely();
        assertEquals("bench", last.tenant().value());
        assertTrue(last.verify("s3cret"));
        assertFalse(last.verify("s3cret "));
        assertNull(store.find("LG-000010").await().indefinitely());
    }
}
