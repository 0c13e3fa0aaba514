package io.chargeplane.bridge.core.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.OfflinePolicySetting;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.SharedServices;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each tenant's offline policy comes from the bus (retained, published by charging-service) and applies only to
 * that tenant's devices; other tenants keep the configured default. Nobody answers requests here, so every verdict
 * is the offline policy's.
 */
class TenantOfflinePolicyIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private int port;
    private BusProbe probe;
    private TestBridge bridge;
    private DeviceAddress lenient;
    private DeviceAddress other;

    @BeforeEach
    void start() {
        port = SharedServices.mqtt().port();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        lenient = DeviceAddress.of("lenient-" + suffix, "CP-1");
        other = DeviceAddress.of("other-" + suffix, "CP-1");
        probe = BusProbe.connect(port);
        // Published before the bridge starts: it must still find the policy, because the message is retained.
        setPolicy(lenient, "{\"policy\":\"accept\",\"knownTokenTtl\":\"PT1H\"}");
        bridge = TestBridge.start(port, Map.of("chargeplane.bridge.request.timeout", "200ms",
                "chargeplane.bridge.request.offline-policy", "reject"));
    }

    @AfterEach
    void stop() {
        setPolicy(lenient, "");
        setPolicy(other, "");
        bridge.close();
        probe.close();
    }

    private void setPolicy(DeviceAddress of, String json) {
        probe.publish(Mqtt5Publish.builder().topic(Topics.offlinePolicy(of.tenant())).qos(MqttQos.AT_LEAST_ONCE)
                .retain(true).payload(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build());
    }

    private DeviceLink attach(DeviceAddress address) {
        return bridge.registry.attach(address, Protocol.OCPP_1_6, new RecordingEndpoint(address.tenant().value()))
                .await().atMost(WAIT);
    }

    private static AuthorizationStatus verdict(DeviceLink link) {
        return ((AuthorizeReply) link.request(AuthorizeRequest.of(IdToken.rfid("04A1B2C3")), CorrelationId.random())
                .await().atMost(WAIT)).status();
    }

    @Test
    void eachTenantGetsItsOwnPolicyAndTheRestTheDefault() {
        DeviceLink lenientCharger = attach(lenient);
        DeviceLink otherCharger = attach(other);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(AuthorizationStatus.ACCEPTED, verdict(lenientCharger)));
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(otherCharger), "the configured default: reject");
    }

    @Test
    void aChangedPolicyAppliesWhileDevicesStayConnectedAndAClearedOneFallsBackToTheDefault() {
        DeviceLink lenientCharger = attach(lenient);
        DeviceLink otherCharger = attach(other);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(AuthorizationStatus.ACCEPTED, verdict(lenientCharger)));

        probe.publish(Mqtt5Publish.builder().topic(Topics.offlinePolicy(other.tenant())).qos(MqttQos.AT_LEAST_ONCE)
                .retain(true).payload(CanonicalCodec.defaultCodec()
                        .writeJson(new OfflinePolicySetting("accept", Duration.ofHours(2)))).build());
        await().atMost(WAIT).untilAsserted(() -> assertEquals(AuthorizationStatus.ACCEPTED, verdict(otherCharger)));

        setPolicy(lenient, "");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(AuthorizationStatus.UNKNOWN, verdict(lenientCharger)));
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(otherCharger));
    }

    @Test
    void anUnreadablePolicyMessageLeavesThePreviousPolicy() {
        DeviceLink lenientCharger = attach(lenient);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(AuthorizationStatus.ACCEPTED, verdict(lenientCharger)));
        setPolicy(lenient, "{\"policy\":\"maybe\"}");
        probe.publish(Mqtt5Publish.builder().topic(Topics.offlinePolicy(lenient.tenant())).qos(MqttQos.AT_LEAST_ONCE)
                .payload("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build());
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(lenientCharger));
    }
}
