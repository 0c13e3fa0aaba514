package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every adapter IT shares: the real core beans on the real broker, the adapter started as the
 * application would start it, and a fresh station per test so tests never see each other's traffic.
 */
abstract class AdapterHarness {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NEXT_STATION = new AtomicInteger();
    private static final AtomicLong NEXT_TRANSACTION = new AtomicLong(1000);

    @Inject
    OcppAdapter adapter;

    @Inject
    MqttBus bus;

    @ConfigProperty(name = "chargeplane.bridge.mqtt.host")
    String mqttHost;

    @ConfigProperty(name = "chargeplane.bridge.mqtt.port")
    int mqttPort;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startAdapter() {
        synchronized (AdapterHarness.class) {
            if (adapter.port() < 0) {
                bus.connect().await().atMost(WAIT);
                adapter.start().await().atMost(WAIT);
            }
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        open.clear();
    }

    static String nextStation() {
        return OcppBridgeResource.station(NEXT_STATION.incrementAndGet());
    }

    static DeviceAddress address(String station) {
        return DeviceAddress.of(OcppBridgeResource.TENANT, station);
    }

    PlatformProbe probe(String station) {
        return track(new PlatformProbe(mqttHost, mqttPort, address(station)));
    }

    StationClient connect(String station, String subprotocol) {
        return track(StationClient.connect(adapter.port(), station, OcppBridgeResource.PASSWORD, subprotocol));
    }

    /** A platform that accepts every token and numbers transactions. */
    static io.chargeplane.model.request.DeviceReply acceptAll(io.chargeplane.model.request.DeviceRequest request) {
        return switch (request) {
            case AuthorizeRequest a -> AuthorizeReply.of(AuthorizationStatus.ACCEPTED);
            case StartTransactionRequest s -> new StartTransactionReply(NEXT_TRANSACTION.incrementAndGet(),
                    AuthorizeReply.of(AuthorizationStatus.ACCEPTED));
        };
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
