package io.chargeplane.bridge.ocpp.rpc;

import io.chargeplane.bridge.ocpp.OcppMessageLayer;
import io.chargeplane.bridge.ocpp.catalog.ActionCatalog;
import io.chargeplane.bridge.ocpp.catalog.Direction;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP16;
import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP201;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcppJsonCodecTest {

    private static final OcppJsonCodec CSMS16 = OcppJsonCodec.forCsms(OCPP16);
    private static final OcppJsonCodec CSMS201 = OcppJsonCodec.forCsms(OCPP201);

    private static OcppJsonCodec csms(OcppVersion v) {
        return v == OCPP16 ? CSMS16 : CSMS201;
    }

    private static RpcError rejected(OcppJsonCodec codec, String text) {
        DecodeResult result = codec.decode(text);
        return assertInstanceOf(DecodeResult.Rejected.class, result, () -> "accepted: " + text).error();
    }

    private static RpcFrame decoded(OcppJsonCodec codec, String text) {
        DecodeResult result = codec.decode(text);
        return assertInstanceOf(DecodeResult.Decoded.class, result, result::toString).frame();
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2} id {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // non-JSON text and malformed JSON: the id is echoed only when it could be read
            "OCPP16  | `hello charger`                              | FormationViolation      | -1",
            "OCPP201 | `hello charger`                              | RpcFrameworkError       | -1",
            "OCPP16  | `[2,\"m1\",\"Heartbeat\",{`                  | FormationViolation      | m1",
            "OCPP201 | `[2,\"m1\",\"Heartbeat\",{`                  | FormatViolation         | m1",
            "OCPP201 | `[2,\"m1\",\"Heartbeat\",{\"a\":tru}]`       | FormatViolation         | m1",
            "OCPP201 | `[2,`                                        | RpcFrameworkError       | -1",
            // a JSON value that is not an array
            "OCPP16  | `{\"id\":\"m1\"}`                            | FormationViolation      | -1",
            "OCPP201 | `{\"id\":\"m1\"}`                            | RpcFrameworkError       | -1",
            "OCPP201 | `\"[2,\\\"m1\\\"]\"`                         | RpcFrameworkError       | -1",
            // message id rules
            "OCPP201 | `[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]` | RpcFrameworkError | 0123456789012345678901234567890123456",
            "OCPP16  | `[2,12345,\"Heartbeat\",{}]`                 | FormationViolation      | 12345",
            "OCPP201 | `[2,12345,\"Heartbeat\",{}]`                 | RpcFrameworkError       | 12345",
            "OCPP201 | `[2,{\"id\":1},\"Heartbeat\",{}]`            | RpcFrameworkError       | -1",
            "OCPP201 | `[2,\"\",\"Heartbeat\",{}]`                  | RpcFrameworkError       | -1",
            // message type
            "OCPP201 | `[7,\"m7\",\"Heartbeat\",{}]`                | MessageTypeNotSupported | m7",
            "OCPP16  | `[7,\"m7\",\"Heartbeat\",{}]`                | FormationViolation      | m7",
            "OCPP201 | `[6,\"m6\",\"NotifyPeriodicEventStream\",{}]` | MessageTypeNotSupported | m6",
            "OCPP201 | `[\"2\",\"m1\",\"Heartbeat\",{}]`            | RpcFrameworkError       | -1",
            // arity and element types of a CALL
            "OCPP201 | `[2,\"m1\",\"Heartbeat\"]`                    | RpcFrameworkError       | m1",
            "OCPP16  | `[2,\"m1\",\"Heartbeat\"]`                    | FormationViolation      | m1",
            "OCPP201 | `[2,\"m1\",\"Heartbeat\",{},{}]`              | RpcFrameworkError       | m1",
            "OCPP201 | `[2,\"m1\",42,{}]`                           | RpcFrameworkError       | m1",
            "OCPP201 | `[2,\"m1\",\"Heartbeat\",[]]`                 | FormatViolation         | m1",
            "OCPP16  | `[2,\"m1\",\"Heartbeat\",\"{}\"]`             | FormationViolation      | m1",
            "OCPP201 | `[2,\"m1\",\"Heartbeat\",{}] trailing`        | FormatViolation         | m1",
            "OCPP201 | `[2,\"m1\",\"Heartbeat\",{\"a\":1,\"a\":2}]`  | FormatViolation         | m1",
            // actions
            "OCPP16  | `[2,\"m1\",\"FlyToTheMoon\",{}]`             | NotImplemented          | m1",
            "OCPP201 | `[2,\"m1\",\"StartTransaction\",{}]`         | NotImplemented          | m1",
            "OCPP16  | `[2,\"m1\",\"RemoteStartTransaction\",{\"idTag\":\"A\"}]` | NotSupported | m1",
            "OCPP201 | `[2,\"m1\",\"Reset\",{\"type\":\"Immediate\"}]` | NotSupported          | m1",
    })
    void refusesBrokenFramesWithTheVersionSpecificCodeAndTheIdItCouldRead(OcppVersion version, String text,
                                                                         String code, String id) {
        RpcError error = rejected(csms(version), text);
        CallError answer = error.toCallError(version);
        assertEquals(code, answer.errorCode(), error::toString);
        assertEquals(id, answer.messageId(), error::toString);
        assertTrue(error.replyExpected(), "a possible CALL is always answered");
        assertFalse(answer.errorDescription().isBlank());
    }

    @Test
    void decodesACallIntoActionIdAndPayload() {
        Call call = (Call) decoded(CSMS16, "[2, \"19223201\", \"BootNotification\", "
                + "{\"chargePointVendor\": \"VendorX\", \"chargePointModel\": \"SingleSocketCharger\"}]");
        assertEquals("19223201", call.messageId());
        assertEquals("BootNotification", call.action());
        assertEquals("VendorX", call.payload().get("chargePointVendor").asText());
    }

    @Test
    void idOfExactlyThirtySixCharactersIsAccepted() {
        String id = "f6a1c5d2-9e0b-4c1e-a7a3-5d2c0e1b9f00";
        assertEquals(36, id.length());
        assertEquals(id, decoded(CSMS201, "[2,\"" + id + "\",\"Heartbeat\",{}]").messageId());
    }

    @Test
    void callResultWithoutPayloadIsRefusedButNotAnswered() {
        RpcError error = rejected(CSMS201, "[3,\"m1\"]");
        assertEquals("RpcFrameworkError", error.toCallError(OCPP201).errorCode());
        assertEquals("m1", error.messageId());
        assertFalse(error.replyExpected(), "a CALLRESULT is never answered with a CALLERROR");
        assertEquals("FormationViolation", rejected(CSMS16, "[3,\"m1\"]").toCallError(OCPP16).errorCode());
    }

    @Test
    void brokenCallErrorIsRefusedButNotAnswered() {
        RpcError error = rejected(CSMS16, "[4,\"m1\",\"GenericError\",\"boom\"]");
        assertFalse(error.replyExpected());
        assertFalse(rejected(CSMS16, "[4,\"m1\",\"GenericError\",\"boom\",{} ").replyExpected());
    }

    @Test
    void decodesCallResultAndCallErrorAndKnowsTheErrorKind() {
        CallResult result = (CallResult) decoded(CSMS201, "[3,\"m1\",{\"currentTime\":\"2026-11-25T09:30:00Z\"}]");
        assertEquals("m1", result.messageId());
        CallError error = (CallError) decoded(CSMS16,
                "[4,\"m2\",\"OccurenceConstraintViolation\",\"idTag missing\",{\"field\":\"idTag\"}]");
        assertEquals(RpcErrorKind.OCCURRENCE_CONSTRAINT, error.kind(OCPP16).orElseThrow());
        assertEquals("idTag", error.errorDetails().get("field").asText());
        // A peer using the other version's spelling is kept verbatim and recognised as nothing of this version.
        CallError foreign = (CallError) decoded(CSMS16, "[4,\"m3\",\"RpcFrameworkError\",\"\",{}]");
        assertEquals("RpcFrameworkError", foreign.errorCode());
        assertTrue(foreign.kind(OCPP16).isEmpty());
    }

    @Test
    void deeplyNestedPayloadIsRefusedAsFormatViolationWithoutBlowingTheStack() {
        String deep = "[".repeat(100_000);
        String text = "[2,\"m1\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":" + deep + "}]";
        RpcError error = rejected(CSMS201, text);
        assertEquals("FormatViolation", error.toCallError(OCPP201).errorCode());
        assertEquals("m1", error.messageId());
    }

    @Test
    void frameOverTheSizeLimitIsRefusedAndStillAnsweredWithItsId() {
        OcppJsonCodec small = new OcppJsonCodec(OCPP16, ActionCatalog.standard(), Direction.STATION_TO_CSMS, 1024);
        String text = "[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\"" + "x".repeat(2000) + "\"}]";
        assertFalse(small.withinFrameLimit(text.length()));
        assertTrue(small.withinFrameLimit(1024));
        RpcError error = rejected(small, text);
        assertEquals("FormationViolation", error.toCallError(OCPP16).errorCode());
        assertEquals("big-1", error.messageId());
    }

    @Test
    void emptyAndWhitespaceFramesAreRpcFrameworkErrors() {
        assertEquals("RpcFrameworkError", rejected(CSMS201, "").toCallError(OCPP201).errorCode());
        assertEquals("RpcFrameworkError", rejected(CSMS201, "   ").toCallError(OCPP201).errorCode());
    }

    @Test
    void stationSideCodecAcceptsCallsFromTheCsmsAndRefusesStationCalls() {
        OcppJsonCodec station = new OcppJsonCodec(OCPP16, ActionCatalog.standard(), Direction.CSMS_TO_STATION,
                OcppJson.DEFAULT_MAX_FRAME_CHARS);
        assertInstanceOf(Call.class, decoded(station, "[2,\"m1\",\"Reset\",{\"type\":\"Hard\"}]"));
        assertEquals("NotSupported", rejected(station, "[2,\"m1\",\"Heartbeat\",{}]").toCallError(OCPP16).errorCode());
    }

    @Test
    void encodesEveryFrameTypeInTheWireLayout() throws Exception {
        var payload = CSMS16.mapper().createObjectNode().put("status", "Accepted");
        assertEquals("[2,\"a1\",\"Reset\",{\"status\":\"Accepted\"}]",
                CSMS16.encode(new Call("a1", "Reset", payload)));
        assertEquals("[3,\"a1\",{\"status\":\"Accepted\"}]", CSMS16.encode(new CallResult("a1", payload)));
        assertEquals("[4,\"a1\",\"OccurenceConstraintViolation\",\"$.idTag: required \\\"field\\\"\",{}]",
                CSMS16.encode(CallError.of(OCPP16, "a1", RpcErrorKind.OCCURRENCE_CONSTRAINT,
                        "$.idTag: required \"field\"")));
    }

    @Test
    void keepsMeterDecimalsExactThroughDecodeAndEncode() {
        String text = "[2,\"m1\",\"MeterValues\",{\"evseId\":1,\"meterValue\":[{\"timestamp\":\"2026-11-25T09:30:00Z\","
                + "\"sampledValue\":[{\"value\":12345.6780}]}]}]";
        Call call = (Call) decoded(CSMS201, text);
        assertEquals(new BigDecimal("12345.6780"),
                call.payload().at("/meterValue/0/sampledValue/0/value").decimalValue());
        assertEquals(text, CSMS201.encode(call));
    }

    @Test
    void messageLayerAnswersAnInvalidPayloadWithTheCallsIdAndCode() {
        OcppMessageLayer layer = new OcppMessageLayer(CSMS16, new PayloadValidator(SchemaRegistry.standard()));
        DecodeResult result = layer.decodeInbound("[2,\"m9\",\"Authorize\",{\"idTag\":\"123456789012345678901\"}]");
        RpcError error = assertInstanceOf(DecodeResult.Rejected.class, result).error();
        CallError answer = error.toCallError(OCPP16);
        assertEquals("m9", answer.messageId());
        assertEquals("PropertyConstraintViolation", answer.errorCode());
        assertTrue(answer.errorDescription().startsWith("$.idTag: "), answer.errorDescription());
    }

    @Test
    void decodesManyFramesInARowWithoutStateLeakingBetweenThem() {
        // Sanity loop, no timing: the codec is shared by all connections, so alternate good and bad frames.
        for (int i = 0; i < 20_000; i++) {
            String id = "id-" + i;
            if (i % 2 == 0) {
                assertEquals(id, decoded(CSMS201, "[2,\"" + id + "\",\"Heartbeat\",{}]").messageId());
            } else {
                assertEquals(id, rejected(CSMS201, "[2,\"" + id + "\",\"Heartbeat\",{").messageId());
            }
        }
    }
}
