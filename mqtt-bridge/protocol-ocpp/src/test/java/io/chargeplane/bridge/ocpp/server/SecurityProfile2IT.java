package io.chargeplane.bridge.ocpp.server;

import static io.chargeplane.bridge.ocpp.server.StationClient.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.spi.CredentialStore;
import io.chargeplane.bridge.core.spi.DeviceConnections;
import io.chargeplane.model.event.Booted;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Security profile 2: TLS with the configured key store, plus Basic authentication. A second adapter with
 * TLS switched on runs beside the plain one, on the same core beans.
 */
@QuarkusTest
@QuarkusTestResource(OcppBridgeResource.class)
class SecurityProfile2IT extends AdapterHarness {

    @Inject
    Vertx vertx;

    @Inject
    DeviceConnections connections;

    @Inject
    CredentialStore credentials;

    @Inject
    BridgeMetrics metrics;

    private OcppAdapter tls;

    @BeforeEach
    void startTlsAdapter() {
        tls = new OcppAdapter(vertx, TlsProfile.config(), connections, credentials, metrics);
        tls.start().await().atMost(WAIT);
    }

    @AfterEach
    void stopTlsAdapter() {
        tls.stop().await().atMost(WAIT);
    }

    @Test
    void aProfileTwoStationBootsOverTlsWithItsPassword() throws Exception {
        PlatformProbe platform = probe(OcppBridgeResource.TLS_ONLY);
        try (StationClient cp = StationClient.connectTls(TlsProfile.trustingTheServer(), tls.port(),
                OcppBridgeResource.TLS_ONLY, OcppBridgeResource.PASSWORD, "ocpp1.6")) {
            assertEquals("Accepted", payload(cp.call("BootNotification",
                    "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"TLS\"}")).get("status").asText());
            assertEquals("TLS", platform.awaitEvent(Booted.class, WAIT).model());
        }
    }

    @Test
    void aWrongPasswordIsRefusedOverTlsToo() {
        CompletionException refused = assertThrows(CompletionException.class, () -> StationClient.connectTls(
                TlsProfile.trustingTheServer(), tls.port(), OcppBridgeResource.TLS_ONLY, "not-the-password",
                "ocpp1.6"));
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }
}
