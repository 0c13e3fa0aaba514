package io.chargeplane.model.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.command.CommandRequest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The envelope is written by hand for speed and native friendliness; the reference CloudEvents SDK proves
 * that other CloudEvents consumers and producers understand it.
 */
class CloudEventsInteropTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final JsonFormat sdk = new JsonFormat();

    @Test
    void referenceSdkReadsOurStructuredEnvelope() throws Exception {
        CanonicalEvent<CommandRequest> ours = Fixtures.anEnvelope(Fixtures.aCommandRequest(Fixtures.allCommands().get(0)));

        CloudEvent theirs = sdk.deserialize(codec.writeStructured(ours));

        assertEquals("evt-0001", theirs.getId());
        assertEquals(URI.create("/tenants/acme-energy/devices/CP-0042"), theirs.getSource());
        assertEquals("io.chargeplane.command.start_charging.v1", theirs.getType());
        assertEquals(Fixtures.T0, theirs.getTime().toInstant());
        assertEquals("CP-0042", theirs.getSubject());
        assertEquals("application/json", theirs.getDataContentType());
        assertEquals("acme-energy", theirs.getExtension("tenant"));
        assertEquals("corr-7f3a", theirs.getExtension("correlationid"));
        assertEquals("ocpp2.0.1", theirs.getExtension("protocol"));
        assertEquals("bridge-ocpp-7d9f-1", theirs.getExtension("adapter"));
        assertEquals(WireFixtures.JSON.readTree(codec.writeJson(ours.data())),
                WireFixtures.JSON.readTree(theirs.getData().toBytes()));
    }

    @Test
    void weReadAnEnvelopeTheReferenceSdkWrote() {
        CloudEvent theirs = CloudEventBuilder.v1()
                .withId("evt-0001")
                .withSource(URI.create("/tenants/acme-energy/devices/CP-0042"))
                .withType("io.chargeplane.device.meter_sample.v1")
                .withTime(OffsetDateTime.ofInstant(Fixtures.T0, ZoneOffset.ofHours(8)))
                .withSubject("CP-0042")
                .withExtension("tenant", "acme-energy")
                .withExtension("protocol", "ocpp2.0.1")
                .withExtension("adapter", "bridge-ocpp-7d9f-1")
                .withData("application/json", codec.writeJson(Fixtures.aMeterSample()))
                .build();

        CanonicalEvent<?> ours = codec.readStructured(sdk.serialize(theirs));

        assertEquals(Fixtures.anEnvelope(Fixtures.aMeterSample()), ours);
    }
}
