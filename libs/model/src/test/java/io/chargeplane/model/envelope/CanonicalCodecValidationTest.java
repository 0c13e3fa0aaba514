package io.chargeplane.model.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.model.Fixtures;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.event.DeviceEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CanonicalCodecValidationTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    private static ModelValidationException rejects(Executable read) {
        return assertThrows(ModelValidationException.class, read);
    }

    private ModelValidationException rejectsVariant(String fixture, java.util.function.Consumer<ObjectNode> change) {
        byte[] json = WireFixtures.variant(fixture, change);
        return rejects(() -> codec.readStructured(json));
    }

    @Test
    void namesTheDataFieldWhenConnectorIsZero() {
        ModelValidationException e = rejectsVariant("meter_sample", env -> WireFixtures.data(env).put("connector", 0));

        assertEquals("data.connector: must be >= 1", e.getMessage());
        assertEquals("data.connector", e.field());
    }

    @Test
    void namesTheUnknownEventType() {
        ModelValidationException e = rejectsVariant("meter_sample",
                env -> env.put("type", "io.chargeplane.device.foo.v1"));

        assertEquals("type: unknown event type io.chargeplane.device.foo.v1", e.getMessage());
    }

    @Test
    void rejectsATypeOfAnotherVersionOrFamily() {
        assertEquals("type: unknown event type io.chargeplane.device.meter_sample.v2", rejectsVariant("meter_sample",
                env -> env.put("type", "io.chargeplane.device.meter_sample.v2")).getMessage());
        assertEquals("type: unknown type com.example.other", rejectsVariant("meter_sample",
                env -> env.put("type", "com.example.other")).getMessage());
        assertEquals("type: unknown command type io.chargeplane.command.fly.v1", rejectsVariant("start_charging",
                env -> env.put("type", "io.chargeplane.command.fly.v1")).getMessage());
    }

    @Test
    void namesAMissingRequiredDataField() {
        ModelValidationException e = rejectsVariant("meter_sample",
                env -> WireFixtures.data(env).remove("energyRegister"));

        assertEquals("data.energyRegister: is required", e.getMessage());
    }

    @Test
    void namesANestedFieldInsideTheTransactionRef() {
        ModelValidationException e = rejectsVariant("meter_sample",
                env -> ((ObjectNode) WireFixtures.data(env).get("transaction")).put("deviceTransactionId", " "));

        assertEquals("data.transaction.deviceTransactionId: must not be blank", e.getMessage());
    }

    @Test
    void namesTheRateBucketsWhenTheyDoNotAddUpToTheMeteredEnergy() {
        ModelValidationException e = rejectsVariant("transaction_ended", env -> {
            ObjectNode bucket = (ObjectNode) WireFixtures.data(env).get("rateBuckets").get(3);
            bucket.put("energy", 1);
        });

        assertEquals("data.rateBuckets", e.field());
        assertTrue(e.getMessage().contains("add up to 14734601 mWh but meterStop - meterStart is 14734600 mWh"),
                e.getMessage());
    }

    @Test
    void namesTheIndexOfAnInvalidRateBucket() {
        ModelValidationException e = rejectsVariant("transaction_ended",
                env -> ((ObjectNode) WireFixtures.data(env).get("rateBuckets").get(1)).put("energy", -5));

        assertEquals("data.rateBuckets[1].energy: must be >= 0", e.getMessage());
    }

    @Test
    void refusesFractionalMilliwattHoursInsteadOfTruncating() {
        ModelValidationException e = rejectsVariant("meter_sample",
                env -> WireFixtures.data(env).put("energyRegister", 12.5));

        assertEquals("data.energyRegister", e.field());
    }

    @Test
    void namesAnUnknownEnumValueAndListsTheKnownOnes() {
        ModelValidationException e = rejectsVariant("meter_sample",
                env -> WireFixtures.data(env).put("context", "WHENEVER"));

        assertEquals("data.context", e.field());
        assertTrue(e.getMessage().contains("'WHENEVER'") && e.getMessage().contains("SAMPLE_PERIODIC"), e.getMessage());
    }

    @Test
    void refusesEnumOrdinals() {
        ModelValidationException e = rejectsVariant("meter_sample", env -> WireFixtures.data(env).put("context", 0));

        assertEquals("data.context", e.field());
    }

    @Test
    void refusesNumbersWrittenAsStrings() {
        ModelValidationException e = rejectsVariant("meter_sample", env -> WireFixtures.data(env).put("evse", "1"));

        assertEquals("data.evse", e.field());
    }

    @Test
    void namesTheFieldOfAnInvalidCommand() {
        ModelValidationException e = rejectsVariant("start_charging",
                env -> ((ObjectNode) WireFixtures.data(env).get("command")).put("connector", -1));

        assertEquals("data.command.connector: must be >= 1", e.getMessage());
    }

    @Test
    void requiresTheCommandInsideACommandRequest() {
        assertEquals("data.command: is required",
                rejectsVariant("start_charging", env -> WireFixtures.data(env).remove("command")).getMessage());
        assertEquals("data.idempotencyKey: is required",
                rejectsVariant("start_charging", env -> WireFixtures.data(env).remove("idempotencyKey")).getMessage());
    }

    @Test
    void refusesADeadlineBeforeIssue() {
        ModelValidationException e = rejectsVariant("start_charging",
                env -> WireFixtures.data(env).put("deadline", "2026-11-25T07:59:59Z"));

        assertEquals("data.deadline: must be after issuedAt", e.getMessage());
    }

    @Test
    void refusesAnEnvelopeCorrelationThatContradictsTheCommand() {
        ModelValidationException e = rejectsVariant("start_charging", env -> env.put("correlationid", "other"));

        assertEquals("correlationid", e.field());
    }

    @Test
    void namesTheTariffScheduleProblem() {
        ModelValidationException e = rejectsVariant("update_tariff", env -> {
            ArrayNode schedule = (ArrayNode) WireFixtures.data(env).get("command").get("schedule");
            ((ObjectNode) schedule.get(2)).put("rate", "super-peak");
        });

        assertEquals("data.command.schedule[2].rate: names no defined rate ('super-peak')", e.getMessage());
    }

    @Test
    void requiresSpecVersionOnePointZero() {
        assertEquals("specversion: is required",
                rejectsVariant("meter_sample", env -> env.remove("specversion")).getMessage());
        assertEquals("specversion: must be 1.0 (was '0.3')",
                rejectsVariant("meter_sample", env -> env.put("specversion", "0.3")).getMessage());
    }

    @Test
    void refusesASourceThatNamesAnotherDevice() {
        ModelValidationException e = rejectsVariant("meter_sample",
                env -> env.put("source", "/tenants/acme-energy/devices/CP-0043"));

        assertEquals("source", e.field());
    }

    @Test
    void refusesATenantThatCouldNotBeATopicLevel() {
        ModelValidationException e = rejectsVariant("meter_sample", env -> {
            env.put("tenant", "acme/energy");
            env.put("source", "/tenants/acme/energy/devices/CP-0042");
        });

        assertTrue(e.getMessage().startsWith("tenant: may contain only"), e.getMessage());
    }

    @Test
    void namesAnUnparseableTime() {
        ModelValidationException e = rejectsVariant("meter_sample", env -> env.put("time", "yesterday"));

        assertEquals("time: 'yesterday' is not an RFC 3339 timestamp", e.getMessage());
    }

    @Test
    void acceptsATimeWithAnOffset() {
        CanonicalEvent<?> read = codec.readStructured(
                WireFixtures.variant("meter_sample", env -> env.put("time", "2026-11-25T16:00:00+08:00")));

        assertEquals(Fixtures.T0, read.time());
    }

    @Test
    void namesAnAttributeOfTheWrongJsonType() {
        assertEquals("id: must be a string", rejectsVariant("meter_sample", env -> env.put("id", 7)).getMessage());
    }

    @Test
    void namesAnUnknownProtocol() {
        ModelValidationException e = rejectsVariant("meter_sample", env -> env.put("protocol", "ocpp1.5"));

        assertTrue(e.getMessage().startsWith("protocol: unknown protocol 'ocpp1.5'"), e.getMessage());
    }

    @Test
    void ignoresUnknownDataPropertiesSoThatAddingOptionalFieldsIsCompatible() {
        CanonicalEvent<?> read = codec.readStructured(
                WireFixtures.variant("meter_sample", env -> WireFixtures.data(env).put("frequencyMilliHertz", 50_000)));

        assertEquals(Fixtures.aMeterSample(), read.data());
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
        ModelValidationException e = rejects(() -> codec.readStructured("{\"id\": ".getBytes(StandardCharsets.UTF_8)));

        assertEquals("body", e.field());
        assertTrue(e.getMessage().startsWith("body: malformed JSON at line 1"), e.getMessage());
    }

    @Test
    void refusesEmptyInputAndNonObjects() {
        assertEquals("body: is empty", rejects(() -> codec.readStructured(new byte[0])).getMessage());
        assertEquals("body", rejects(() -> codec.readStructured("[1]".getBytes(StandardCharsets.UTF_8))).field());
        assertEquals("data: must be a JSON object",
                rejectsVariant("meter_sample", env -> env.put("data", "text")).getMessage());
        assertEquals("data: is required", rejectsVariant("meter_sample", env -> env.remove("data")).getMessage());
    }

    @Test
    void narrowingToTheWrongFamilyNamesTheType() {
        byte[] event = WireFixtures.bytes("meter_sample");

        ModelValidationException e = rejects(() -> codec.readStructured(event, CommandRequest.class));

        assertEquals("type: expected a CommandRequest but was io.chargeplane.device.meter_sample.v1", e.getMessage());
        assertEquals(Fixtures.aMeterSample(), codec.readStructured(event, DeviceEvent.class).data());
    }

    @Test
    void binaryModeNamesAMissingHeaderAttribute() {
        BinaryMessage message = codec.writeBinary(Fixtures.anEnvelope(Fixtures.aMeterSample()));
        Map<String, byte[]> headers = new LinkedHashMap<>(message.headers());
        headers.remove("ce_id");

        assertEquals("id: is required", rejects(() -> codec.readBinary(headers, message.data())).getMessage());
    }

    @Test
    void binaryModeRefusesNonJsonData() {
        BinaryMessage message = codec.writeBinary(Fixtures.anEnvelope(Fixtures.aMeterSample()));
        Map<String, byte[]> headers = new LinkedHashMap<>(message.headers());
        headers.put("content-type", "application/xml".getBytes(StandardCharsets.UTF_8));

        assertEquals("content-type", rejects(() -> codec.readBinary(headers, message.data())).field());
    }

    @Test
    void binaryModeNamesTheDataFieldLikeStructuredMode() {
        BinaryMessage message = codec.writeBinary(Fixtures.anEnvelope(Fixtures.aMeterSample()));
        byte[] data = new String(message.data(), StandardCharsets.UTF_8)
                .replace("\"connector\":1", "\"connector\":0").getBytes(StandardCharsets.UTF_8);

        assertEquals("data.connector: must be >= 1",
                rejects(() -> codec.readBinary(message.headers(), data)).getMessage());
    }

    @Test
    void binaryModeReportsMalformedDataUnderData() {
        BinaryMessage message = codec.writeBinary(Fixtures.anEnvelope(Fixtures.aMeterSample()));

        ModelValidationException e = rejects(
                () -> codec.readBinary(message.headers(), "{oops".getBytes(StandardCharsets.UTF_8)));

        assertEquals("data", e.field());
    }
}
