package io.chargeplane.bridge.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.bridge.core.spi.RequestUnansweredException;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.DevicePresence;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.testkit.server.SharedServices;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bridge-core against a real MQTT 5 broker, observed by a real MQTT 5 client as the platform would. */
class DeviceBusIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private int port;
    private DeviceAddress address;
    private TestBridge bridge;
    private BusProbe probe;

    @BeforeEach
    void connect() {
        port = SharedServices.mqtt().port();
        address = DeviceAddress.of("acme", "CP-" + UUID.randomUUID().toString().substring(0, 8));
        bridge = TestBridge.start(port);
        probe = BusProbe.connect(port, "chargeplane/v1/acme/" + address.device().value() + "/#");
    }

    @AfterEach
    void disconnect() {
        if (probe != null) {
            probe.close();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    private DeviceLink attach(TestBridge on, RecordingEndpoint endpoint) {
        return on.registry.attach(address, Protocol.OCPP_1_6, endpoint).await().atMost(WAIT);
    }

    private String presenceTopic() {
        return Topics.devicePresence(address.tenant(), address.device());
    }

    private static DevicePresence presence(Mqtt5Publish publish) {
        return BusProbe.CODEC.readJson(publish.getPayloadAsBytes(), DevicePresence.class);
    }

    private static DeviceEvent event(Mqtt5Publish publish) {
        return BusProbe.CODEC.readStructured(publish.getPayloadAsBytes(), DeviceEvent.class).data();
    }

    @Test
    void attachPublishesRetainedOnlinePresenceAndAConnectedEvent() {
        attach(bridge, new RecordingEndpoint("first"));

        DevicePresence online = presence(probe.await(presenceTopic(), WAIT));
        assertTrue(online.online());
        assertEquals(bridge.instance, online.adapter());
        assertEquals(Protocol.OCPP_1_6, online.protocol());
        Mqtt5Publish connectedMessage = probe.await(Topics.event(address.tenant(), address.device(), "connected"), WAIT);
        CanonicalEvent<?> connected = BusProbe.CODEC.readStructured(connectedMessage.getPayloadAsBytes());
        assertEquals(new Connected("192.0.2.10:51000", Protocol.OCPP_1_6), connected.data());
        assertEquals(bridge.instance, connected.adapter());
        assertEquals(BusMessages.CLOUDEVENTS, connectedMessage.getContentType().orElseThrow());

        try (BusProbe late = BusProbe.connect(port, presenceTopic())) {
            Mqtt5Publish retained = late.await(presenceTopic(), WAIT);
            assertTrue(retained.isRetain());
            assertTrue(presence(retained).online());
        }
        try (BusProbe watcher = BusProbe.connect(port, Topics.adapterPresence(bridge.instance))) {
            AdapterPresence adapter = BusProbe.CODEC.readJson(
                    watcher.await(Topics.adapterPresence(bridge.instance), WAIT).getPayloadAsBytes(), AdapterPresence.class);
            assertTrue(adapter.online());
        }
        assertEquals(1, bridge.registry.connectedCount());
        assertEquals(1.0, bridge.meters.find(BridgeMetrics.CONNECTIONS).tag("protocol", "ocpp1.6").gauge().value());
    }

    @Test
    void commandReachesTheEndpointAndItsResultReturnsWithTheCorrelationId() {
        RecordingEndpoint endpoint = new RecordingEndpoint("first");
        attach(bridge, endpoint);
        CommandRequest command = Commands.reset();

        probe.publish(Commands.message(address, command));

        CommandResult result = Commands.result(probe.await(Commands.resultTopic(address, command), WAIT));
        assertEquals(command.correlationId(), result.correlationId());
        assertEquals(CommandStatus.ACCEPTED, result.status());
        assertEquals(1, endpoint.executed.size());
        assertEquals(command, endpoint.executed.get(0));
    }

    @Test
    void commandResultGoesToTheRequestersResponseTopicWithItsCorrelationData() {
        attach(bridge, new RecordingEndpoint("first"));
        String responseTopic = "it/replies/" + UUID.randomUUID();
        probe.subscribe(responseTopic);
        CommandRequest command = Commands.reset();

        probe.publish(Commands.message(address, command).extend().responseTopic(responseTopic)
                .correlationData("req-42".getBytes(StandardCharsets.UTF_8)).build());

        Mqtt5Publish answer = probe.await(responseTopic, WAIT);
        assertEquals(command.correlationId(), Commands.result(answer).correlationId());
        assertEquals("req-42", new String(BusMessages.correlationData(answer), StandardCharsets.UTF_8));
    }

    @Test
    void duplicateCommandIsAnsweredWithTheFirstResultWithoutReachingTheDeviceAgain() {
        RecordingEndpoint endpoint = new RecordingEndpoint("first");
        attach(bridge, endpoint);
        IdempotencyKey key = IdempotencyKey.random();
        CommandRequest first = Commands.reset(key, CorrelationId.random(), Instant.now(), Duration.ofSeconds(30));
        CommandRequest retry = Commands.reset(key, CorrelationId.random(), Instant.now(), Duration.ofSeconds(30));

        probe.publish(Commands.message(address, first));
        probe.await(Commands.resultTopic(address, first), p -> Commands.answers(p, first), WAIT);
        probe.publish(Commands.message(address, retry));

        CommandResult repeated = Commands.result(
                probe.await(Commands.resultTopic(address, retry), p -> Commands.answers(p, retry), WAIT));
        assertEquals(CommandStatus.ACCEPTED, repeated.status());
        assertEquals(Map.of("connection", "first"), repeated.detail());
        assertEquals(1, endpoint.executed.size());
        assertEquals(1.0, bridge.counter(BridgeMetrics.MESSAGES, "kind", "command", "outcome", "duplicate"));
    }

    @Test
    void commandPastItsDeadlineIsAnsweredTimeoutWithoutReachingTheDevice() {
        RecordingEndpoint endpoint = new RecordingEndpoint("first");
        attach(bridge, endpoint);
        CommandRequest stale = Commands.reset(IdempotencyKey.random(), CorrelationId.random(),
                Instant.now().minusSeconds(60), Duration.ofSeconds(30));

        probe.publish(Commands.message(address, stale));

        CommandResult result = Commands.result(probe.await(Commands.resultTopic(address, stale), WAIT));
        assertEquals(CommandStatus.TIMEOUT, result.status());
        assertEquals("command.deadline_passed", result.reasonCode());
        assertTrue(endpoint.executed.isEmpty());
    }

    @Test
    void deviceRequestIsAnsweredByTheRespondingService() {
        DeviceLink link = attach(bridge, new RecordingEndpoint("first"));
        answerAuthorizeWith(AuthorizationStatus.ACCEPTED);

        DeviceReply reply = link.request(AuthorizeRequest.of(IdToken.rfid("04A1B2C3")), CorrelationId.random())
                .await().atMost(WAIT);

        assertEquals(new AuthorizeReply(AuthorizationStatus.ACCEPTED, null, "group-7"), reply);
    }

    @Test
    void unansweredRequestIsAnsweredByTheOfflinePolicyAfterTheTimeout() {
        bridge.close();
        bridge = TestBridge.start(port, Map.of("chargeplane.bridge.request.timeout", "300ms",
                "chargeplane.bridge.request.offline-policy", "accept-known"));
        DeviceLink link = attach(bridge, new RecordingEndpoint("first"));
        IdToken regular = IdToken.rfid("04A1B2C3");
        answerAuthorizeWith(AuthorizationStatus.ACCEPTED);
        link.request(AuthorizeRequest.of(regular), CorrelationId.random()).await().atMost(WAIT);
        probe.respondWith(publish -> { });

        long started = System.nanoTime();
        DeviceReply known = link.request(AuthorizeRequest.of(regular), CorrelationId.random()).await().atMost(WAIT);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        DeviceReply stranger = link.request(AuthorizeRequest.of(IdToken.rfid("FFFF")), CorrelationId.random())
                .await().atMost(WAIT);

        assertEquals(AuthorizationStatus.ACCEPTED, ((AuthorizeReply) known).status());
        assertEquals(null, ((AuthorizeReply) known).groupId());
        assertTrue(waitedMillis >= 290 && waitedMillis < 3000, "waited " + waitedMillis + " ms");
        assertEquals(AuthorizationStatus.UNKNOWN, ((AuthorizeReply) stranger).status());
        assertEquals(2.0, bridge.counter(BridgeMetrics.MESSAGES, "kind", "request", "outcome", "offline_policy"));
    }

    @Test
    void unansweredStartTransactionFailsSoTheDeviceRetriesInsteadOfGettingAnInventedId() {
        bridge.close();
        bridge = TestBridge.start(port, Map.of("chargeplane.bridge.request.timeout", "200ms",
                "chargeplane.bridge.request.offline-policy", "accept"));
        DeviceLink link = attach(bridge, new RecordingEndpoint("first"));
        DeviceRequest start = new StartTransactionRequest(EvseId.of(1), ConnectorId.of(1), IdToken.rfid("04A1"),
                Energy.ofWh(1200), Instant.now());

        var failure = assertThrows(RequestUnansweredException.class,
                () -> link.request(start, CorrelationId.random()).await().atMost(WAIT));
        assertEquals("start_transaction", failure.requestName());
    }

    @Test
    void secondAttachReplacesTheFirstAndTheOldDetachLeavesTheDeviceOnline() {
        RecordingEndpoint first = new RecordingEndpoint("first");
        RecordingEndpoint second = new RecordingEndpoint("second");
        DeviceLink oldLink = attach(bridge, first);
        probe.await(presenceTopic(), p -> presence(p).online(), WAIT);
        DeviceLink newLink = attach(bridge, second);

        assertTrue(first.wasReplaced());
        assertFalse(oldLink.isActive());
        assertTrue(newLink.isActive());
        CommandRequest command = Commands.reset();
        probe.publish(Commands.message(address, command));
        assertEquals(Map.of("connection", "second"),
                Commands.result(probe.await(Commands.resultTopic(address, command), WAIT)).detail());
        assertTrue(first.executed.isEmpty());

        oldLink.detach(DisconnectReason.CLOSED_BY_DEVICE).await().atMost(WAIT);
        probe.assertNone(presenceTopic(), p -> !presence(p).online(), Duration.ofMillis(700));
        assertTrue(bridge.registry.isAttached(address));

        newLink.detach(DisconnectReason.CLOSED_BY_DEVICE).await().atMost(WAIT);
        assertFalse(presence(probe.await(presenceTopic(), p -> !presence(p).online(), WAIT)).online());
        Disconnected disconnected = (Disconnected) event(probe.await(
                Topics.event(address.tenant(), address.device(), "disconnected"), WAIT));
        assertEquals(DisconnectReason.CLOSED_BY_DEVICE, disconnected.reason());
        assertFalse(bridge.registry.isAttached(address));
    }

    @Test
    void deviceReconnectingToAnotherInstanceClosesTheStaleConnectionHere() {
        RecordingEndpoint first = new RecordingEndpoint("first");
        RecordingEndpoint second = new RecordingEndpoint("second");
        DeviceLink oldLink = attach(bridge, first);
        try (TestBridge other = TestBridge.start(port)) {
            attach(other, second);

            org.awaitility.Awaitility.await().atMost(WAIT).until(first::wasReplaced);
            assertFalse(oldLink.isActive());
            assertFalse(bridge.registry.isAttached(address));
            oldLink.detach(DisconnectReason.CLOSED_BY_PLATFORM).await().atMost(WAIT);

            CommandRequest command = Commands.reset();
            probe.publish(Commands.message(address, command));
            assertEquals(Map.of("connection", "second"),
                    Commands.result(probe.await(Commands.resultTopic(address, command), WAIT)).detail());
            probe.assertSilent(Commands.resultTopic(address, command), Duration.ofMillis(500));
            assertTrue(first.executed.isEmpty());
            try (BusProbe late = BusProbe.connect(port, presenceTopic())) {
                assertEquals(other.instance, presence(late.await(presenceTopic(), WAIT)).adapter());
            }
        }
    }

    @Test
    void gracefulShutdownMarksHeldDevicesOfflineBeforeTheAdapterClosesThem() {
        DeviceLink link = attach(bridge, new RecordingEndpoint("first"));
        probe.await(presenceTopic(), p -> presence(p).online(), WAIT);

        bridge.registry.shutdown().await().atMost(WAIT);

        assertFalse(presence(probe.await(presenceTopic(), WAIT)).online());
        assertEquals(DisconnectReason.ADAPTER_SHUTDOWN, ((Disconnected) event(probe.await(
                Topics.event(address.tenant(), address.device(), "disconnected"), WAIT))).reason());
        link.detach(DisconnectReason.ADAPTER_SHUTDOWN).await().atMost(WAIT);
        probe.assertSilent(presenceTopic(), Duration.ofMillis(500));

        bridge.bus.close(WAIT);
        try (BusProbe watcher = BusProbe.connect(port, Topics.adapterPresence(bridge.instance))) {
            AdapterPresence adapter = BusProbe.CODEC.readJson(
                    watcher.await(Topics.adapterPresence(bridge.instance), WAIT).getPayloadAsBytes(), AdapterPresence.class);
            assertFalse(adapter.online());
            assertNotNull(adapter.since());
        }
    }

    @Test
    void eventsArePublishedAsCloudEventsAndCompleteOnAcknowledgement() {
        DeviceLink link = attach(bridge, new RecordingEndpoint("first"));
        CorrelationId correlation = CorrelationId.of("ocpp-msg-17");
        Disconnected sample = new Disconnected(DisconnectReason.TIMEOUT, "pipelined");

        for (int i = 0; i < 50; i++) {
            link.publish(sample, correlation);
        }
        link.publish(sample, correlation).await().atMost(WAIT);

        CanonicalEvent<?> received = BusProbe.CODEC.readStructured(probe.await(
                Topics.event(address.tenant(), address.device(), "disconnected"), WAIT).getPayloadAsBytes());
        assertInstanceOf(Disconnected.class, received.data());
        assertEquals(correlation, received.correlationId());
        assertEquals(Protocol.OCPP_1_6, received.protocol());
        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                bridge.counter(BridgeMetrics.MESSAGES, "kind", "event", "outcome", "ok") >= 52);
    }

    /** A charging-service stand-in: answers every authorize request on the bus like the real one will. */
    @Test
    void deviceReconnectingWithinTheLingerGetsCommandsWithoutANewSubscription() {
        DeviceLink first = attach(bridge, new RecordingEndpoint("first"));
        first.detach(DisconnectReason.CLOSED_BY_DEVICE).await().atMost(WAIT);
        assertFalse(presence(probe.await(presenceTopic(), p -> !presence(p).online(), WAIT)).online());
        assertEquals(1, bridge.registry.lingeringCount());

        CommandRequest whileAway = Commands.reset();
        probe.publish(Commands.message(address, whileAway));
        probe.assertSilent(Commands.resultTopic(address, whileAway), Duration.ofMillis(700));

        RecordingEndpoint second = new RecordingEndpoint("second");
        attach(bridge, second);
        assertEquals(0, bridge.registry.lingeringCount());
        CommandRequest back = Commands.reset();
        probe.publish(Commands.message(address, back));
        assertEquals(Map.of("connection", "second"),
                Commands.result(probe.await(Commands.resultTopic(address, back), WAIT)).detail());
    }

    @Test
    void lingerRunsOutWithAnUnsubscribe() {
        try (TestBridge brief = TestBridge.start(port, Map.of("chargeplane.bridge.subscription-linger", "300ms"))) {
            DeviceLink link = attach(brief, new RecordingEndpoint("first"));
            link.detach(DisconnectReason.CLOSED_BY_DEVICE).await().atMost(WAIT);
            assertEquals(1, brief.registry.lingeringCount());

            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> brief.registry.lingeringCount() == 0);
            CommandRequest command = Commands.reset();
            probe.publish(Commands.message(address, command));
            probe.assertSilent(Commands.resultTopic(address, command), Duration.ofMillis(700));
            assertEquals(0.0, brief.counter(BridgeMetrics.ERRORS, "kind", "command_for_lingering_device"));
        }
    }

    @Test
    void lingeringDeviceThatReconnectsElsewhereIsUnsubscribedHere() {
        attach(bridge, new RecordingEndpoint("first")).detach(DisconnectReason.CLOSED_BY_DEVICE).await().atMost(WAIT);
        assertEquals(1, bridge.registry.lingeringCount());
        try (TestBridge other = TestBridge.start(port)) {
            attach(other, new RecordingEndpoint("elsewhere"));

            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bridge.registry.lingeringCount() == 0);
            CommandRequest command = Commands.reset();
            probe.publish(Commands.message(address, command));
            assertEquals(Map.of("connection", "elsewhere"),
                    Commands.result(probe.await(Commands.resultTopic(address, command), WAIT)).detail());
            probe.assertSilent(Commands.resultTopic(address, command), Duration.ofMillis(500));
        }
    }

    private void answerAuthorizeWith(AuthorizationStatus status) {
        probe.subscribe(Topics.request(address.tenant(), address.device(), AuthorizeRequest.NAME));
        probe.respondWith(publish -> {
            if (!publish.getTopic().toString().endsWith("/req/authorize")) {
                return;
            }
            CanonicalEvent<DeviceRequest> request = BusProbe.CODEC.readStructured(publish.getPayloadAsBytes(), DeviceRequest.class);
            CanonicalEvent<DeviceReply> reply = CanonicalEvent.builder(request.tenant(), request.device(),
                    (DeviceReply) new AuthorizeReply(status, null, "group-7")).correlationId(request.correlationId()).build();
            ByteBuffer correlationData = publish.getCorrelationData().orElseThrow();
            String responseTopic = publish.getResponseTopic().orElseThrow().toString();
            new Thread(() -> probe.publish(BusMessages.cloudEvent(responseTopic, BusProbe.CODEC.writeStructured(reply))
                    .correlationData(correlationData).build())).start();
        });
    }
}
