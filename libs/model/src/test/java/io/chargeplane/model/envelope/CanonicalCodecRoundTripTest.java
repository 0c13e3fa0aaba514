package io.chargeplane.model.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.Fixtures;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.DeviceCommand;
import io.chargeplane.model.command.DeviceCommands;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DeviceEvents;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.DeviceRequests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalCodecRoundTripTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    static Stream<CanonicalPayload> payloads() {
        return Fixtures.allPayloads().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void structuredModeReadsBackEqualEnvelope(CanonicalPayload payload) {
        CanonicalEvent<CanonicalPayload> event = Fixtures.anEnvelope(payload);

        CanonicalEvent<?> read = codec.readStructured(codec.writeStructured(event));

        assertEquals(event, read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void binaryModeReadsBackEqualEnvelope(CanonicalPayload payload) {
        CanonicalEvent<CanonicalPayload> event = Fixtures.anEnvelope(payload);

        BinaryMessage message = codec.writeBinary(event);
        CanonicalEvent<?> read = codec.readBinary(message.headers(), message.data());

        assertEquals(event, read);
        assertEquals(event.type(), message.header("ce_type"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DisconnectReason.class)
    void everyDisconnectReasonReadsBackByItsName(DisconnectReason reason) throws Exception {
        CanonicalEvent<CanonicalPayload> event = Fixtures.anEnvelope(new Disconnected(reason, null));

        byte[] json = codec.writeStructured(event);

        assertEquals(reason.name(), new ObjectMapper().readTree(json).get("data").get("reason").asText());
        assertEquals(event, codec.readStructured(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void dataCarriesOnlyRecordComponentsAsProperties(CanonicalPayload payload) throws Exception {
        JsonNode data = new ObjectMapper().readTree(codec.writeJson(payload));

        assertOnlyComponents(payload, data);
    }

    private static void assertOnlyComponents(Object value, JsonNode json) {
        Set<String> components = Arrays.stream(value.getClass().getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            properties.add(names.next());
        }
        assertTrue(components.containsAll(properties),
                value.getClass().getSimpleName() + " wrote " + properties + " but has components " + components);
        if (value instanceof CommandRequest request) {
            assertOnlyComponents(request.command(), json.get("command"));
        }
    }

    @Test
    void everyEventNameHasAFixtureAndResolvesToItsRecord() {
        Set<String> covered = Fixtures.allEvents().stream().map(DeviceEvent::eventName).collect(Collectors.toSet());
        assertEquals(DeviceEvents.names(), covered);
        for (DeviceEvent event : Fixtures.allEvents()) {
            assertEquals(event.getClass(), DeviceEvents.typeFor(event.eventName()));
            PayloadType type = CanonicalTypes.resolve("io.chargeplane.device." + event.eventName() + ".v1");
            assertEquals(event.getClass(), type.dataClass());
        }
    }

    @Test
    void everyCapabilityHasAFixtureCommandOfItsRecordType() {
        Set<Capability> covered = Fixtures.allCommands().stream().map(DeviceCommand::capability)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Capability.values()), covered);
        for (DeviceCommand command : Fixtures.allCommands()) {
            assertEquals(command.getClass(), DeviceCommands.typeFor(command.capability()));
        }
    }

    @Test
    void everyRequestNameHasAFixtureRequestAndReply() {
        assertEquals(DeviceRequests.names(),
                Fixtures.allRequests().stream().map(DeviceRequest::requestName).collect(Collectors.toSet()));
        assertEquals(DeviceRequests.names(),
                Fixtures.allReplies().stream().map(DeviceReply::requestName).collect(Collectors.toSet()));
    }

    @Test
    void structuredJsonIsUtf8WithUnescapedPlate() {
        CanonicalEvent<DeviceEvent> event = Fixtures.anEnvelope(Fixtures.allEvents().get(9));

        String json = new String(codec.writeStructured(event), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"plate\":\"京A·12345\""), json);
    }
}
