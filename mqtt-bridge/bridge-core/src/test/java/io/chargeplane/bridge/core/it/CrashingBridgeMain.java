package io.chargeplane.bridge.core.it;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.Protocol;
import java.time.Duration;
import java.util.Map;

/**
 * A bridge in its own JVM for {@link AdapterLastWillIT} and {@link PresenceReaperIT}: connects, attaches the
 * devices named after the tenant (args: port, instance, tenant, device...), then waits to be killed.
 */
public final class CrashingBridgeMain {

    static final String READY = "BRIDGE-READY";

    private CrashingBridgeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        TestBridge bridge = TestBridge.start(port, Map.of("chargeplane.bridge.instance-id", args[1]));
        for (int i = 3; i < args.length; i++) {
            bridge.registry.attach(DeviceAddress.of(args[2], args[i]), Protocol.OCPP_1_6, new RecordingEndpoint("child"))
                    .await().atMost(Duration.ofSeconds(20));
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
