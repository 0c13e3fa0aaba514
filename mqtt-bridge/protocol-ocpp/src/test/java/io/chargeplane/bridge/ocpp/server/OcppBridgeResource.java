package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.core.spi.PasswordHash;
import io.chargeplane.testkit.server.MqttBroker;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real MQTT 5 broker from the test kit, and a station file in core's format with salted PBKDF2 hashes
 * (never clear passwords): {@value #STATIONS} enabled stations {@code station-NN} of tenant {@value #TENANT}
 * with password {@value #PASSWORD}, plus a disabled one.
 */
public class OcppBridgeResource implements QuarkusTestResourceLifecycleManager {

    static final String TENANT = "acme";
    static final String PASSWORD = "correct-horse-battery";
    static final int STATIONS = 60;
    static final String DISABLED = "station-disabled";
    /** Security profile 2: must come over TLS. */
    static final String TLS_ONLY = "station-tls";

    @Override
    public Map<String, String> start() {
        MqttBroker broker = SharedServices.mqtt();
        Map<String, String> config = new HashMap<>();
        config.put("chargeplane.bridge.mqtt.host", broker.host());
        config.put("chargeplane.bridge.mqtt.port", Integer.toString(broker.port()));
        config.put("chargeplane.bridge.credentials.file", stationsFile().toString());
        return config;
    }

    private static Path stationsFile() {
        StringBuilder file = new StringBuilder("# generated for the OCPP adapter ITs\n");
        // Minimum work factor keeps the suite fast; the check itself is the production code path.
        String hash = PasswordHash.create(PASSWORD.getBytes(StandardCharsets.UTF_8), 1_000).format();
        for (int i = 1; i <= STATIONS; i++) {
            String station = station(i);
            file.append(station).append(".tenant=").append(TENANT).append('\n');
            file.append(station).append(".password-hash=").append(hash).append('\n');
        }
        file.append(DISABLED).append(".tenant=").append(TENANT).append('\n');
        file.append(DISABLED).append(".password-hash=").append(hash).append('\n');
        file.append(DISABLED).append(".enabled=false\n");
        file.append(TLS_ONLY).append(".tenant=").append(TENANT).append('\n');
        file.append(TLS_ONLY).append(".password-hash=").append(hash).append('\n');
        file.append(TLS_ONLY).append(".security-profile=2\n");
        try {
            Path path = Files.createTempFile("ocpp-stations", ".properties");
            path.toFile().deleteOnExit();
            Files.writeString(path, file);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String station(int n) {
        return String.format("station-%02d", n);
    }

    @Override
    public void stop() {
    }
}
