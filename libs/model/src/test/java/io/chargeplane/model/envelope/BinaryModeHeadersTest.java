package io.chargeplane.model.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.device.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kafka binding: which headers a consumer (or a Kafka tool) will see, byte for byte. */
class BinaryModeHeadersTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    @Test
    void writesEveryAttributeAsAUtf8CeHeaderAndTheDataContentType() {
        BinaryMessage message = codec.writeBinary(Fixtures.anEnvelope(Fixtures.aCommandRequest(Fixtures.allCommands().get(0))));

        assertEquals(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "ce_tenant",
                "ce_correlationid", "ce_protocol", "ce_adapter", "content-type"), List.copyOf(message.headers().keySet()));
        assertEquals("1.0", message.header("ce_specversion"));
        assertEquals("/tenants/acme-energy/devices/CP-0042", message.header("ce_source"));
        assertEquals("io.chargeplane.command.start_charging.v1", message.header("ce_type"));
        assertEquals("2026-11-25T08:00:00Z", message.header("ce_time"));
        assertEquals("CP-0042", message.header("ce_subject"));
        assertEquals("corr-7f3a", message.header("ce_correlationid"));
        assertEquals("application/json", message.header("content-type"));
    }

    @Test
    void dataIsTheSameJsonAsTheStructuredDataMember() throws Exception {
        CanonicalEvent<?> event = Fixtures.anEnvelope(Fixtures.aMeterSample());

        byte[] binaryData = codec.writeBinary(event).data();

        assertEquals(WireFixtures.JSON.readTree(codec.writeStructured(event)).get("data"),
                WireFixtures.JSON.readTree(binaryData));
    }

    @Test
    void omitsOptionalExtensionsThatAreNotSet() {
        CanonicalEvent<Connected> event = CanonicalEvent.builder(Fixtures.TENANT, Fixtures.DEVICE,
                new Connected(null, Protocol.YKC)).build();

        BinaryMessage message = codec.writeBinary(event);

        assertFalse(message.headers().containsKey("ce_correlationid"));
        assertFalse(message.headers().containsKey("ce_adapter"));
        assertEquals(event, codec.readBinary(message));
    }

    @Test
    void messagesWithEqualContentAreEqual() {
        BinaryMessage a = codec.writeBinary(Fixtures.anEnvelope(Fixtures.aMeterSample()));
        BinaryMessage b = codec.writeBinary(Fixtures.anEnvelope(Fixtures.aMeterSample()));

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertArrayEquals(a.data(), b.data());
    }

    @Test
    void partitionKeyKeepsOneDevicesEventsTogether() {
        assertEquals("acme-energy:CP-0042", Fixtures.anEnvelope(Fixtures.aMeterSample()).partitionKey());
    }
}
