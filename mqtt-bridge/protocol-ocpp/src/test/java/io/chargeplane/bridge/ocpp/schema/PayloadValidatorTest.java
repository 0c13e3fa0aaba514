package io.chargeplane.bridge.ocpp.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.CallError;
import io.chargeplane.bridge.ocpp.rpc.OcppJson;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP16;
import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP201;
import static io.chargeplane.bridge.ocpp.schema.PayloadKind.REQUEST;
import static io.chargeplane.bridge.ocpp.schema.PayloadKind.RESPONSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each schema rule maps to the right error kind and to each version's exact code string. */
class PayloadValidatorTest {

    private static final PayloadValidator VALIDATOR = new PayloadValidator(SchemaRegistry.standard());
    private static final ObjectMapper JSON = OcppJson.mapper(OcppJson.DEFAULT_MAX_FRAME_CHARS);

    private static PayloadViolation violation(OcppVersion v, String action, PayloadKind kind, String json)
            throws Exception {
        Optional<PayloadViolation> result = VALIDATOR.validate(v, action, kind, JSON.readTree(json));
        assertTrue(result.isPresent(), () -> action + " accepted " + json);
        return result.get();
    }

    private static String code(OcppVersion v, PayloadViolation violation) {
        return violation.toRpcError("m1").toCallError(v).errorCode();
    }

    @ParameterizedTest(name = "{0} {1}: {3} -> {4} at {5}")
    @CsvSource(delimiter = '|', value = {
            // missing required field
            "OCPP16  | Authorize          | REQUEST  | {}                                                  | OccurenceConstraintViolation   | $.idTag",
            "OCPP201 | Authorize          | REQUEST  | {}                                                  | OccurrenceConstraintViolation  | $.idToken",
            "OCPP16  | StartTransaction   | RESPONSE | {\"transactionId\":1,\"idTagInfo\":{}}             | OccurenceConstraintViolation   | $.idTagInfo.status",
            "OCPP201 | MeterValues        | REQUEST  | {\"evseId\":1,\"meterValue\":[]}                   | OccurrenceConstraintViolation  | $.meterValue",
            // wrong JSON type
            "OCPP16  | StatusNotification | REQUEST  | {\"connectorId\":\"1\",\"errorCode\":\"NoError\",\"status\":\"Available\"} | TypeConstraintViolation | $.connectorId",
            "OCPP201 | Heartbeat          | RESPONSE | {\"currentTime\":17}                               | TypeConstraintViolation        | $.currentTime",
            "OCPP16  | MeterValues        | REQUEST  | {\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-11-25T09:30:00Z\",\"sampledValue\":[{\"value\":12.5}]}]} | TypeConstraintViolation | $.meterValue[0].sampledValue[0].value",
            // enumeration, length, format, range
            "OCPP16  | StatusNotification | REQUEST  | {\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Occupied\"} | PropertyConstraintViolation | $.status",
            "OCPP16  | Authorize          | REQUEST  | {\"idTag\":\"123456789012345678901\"}             | PropertyConstraintViolation    | $.idTag",
            "OCPP201 | BootNotification   | RESPONSE | {\"currentTime\":\"yesterday\",\"interval\":300,\"status\":\"Accepted\"} | PropertyConstraintViolation | $.currentTime",
            "OCPP201 | TransactionEvent   | REQUEST  | {\"eventType\":\"Started\",\"timestamp\":\"2026-11-25T09:30:00Z\",\"triggerReason\":\"Authorized\",\"seqNo\":-1,\"transactionInfo\":{\"transactionId\":\"t1\"}} | PropertyConstraintViolation | $.seqNo",
            "OCPP16  | SetChargingProfile | REQUEST  | {\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":1,\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16.05}]}}} | PropertyConstraintViolation | $.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit",
            // unknown field
            "OCPP16  | Heartbeat          | REQUEST  | {\"uptime\":5}                                     | FormationViolation             | $.uptime",
            "OCPP201 | Reset              | REQUEST  | {\"type\":\"Immediate\",\"evse\":{\"id\":1}}       | FormatViolation                | $.evse",
    })
    void mapsEachRuleToTheVersionSpecificCodeAndNamesTheFieldPath(OcppVersion version, String action,
                                                                  PayloadKind kind, String json, String code,
                                                                  String path) throws Exception {
        PayloadViolation v = violation(version, action, kind, json);
        assertEquals(code, code(version, v), v::toString);
        assertEquals(path, v.path(), v::toString);
        assertTrue(v.description().startsWith(path + ": "), v.description());
    }

    @Test
    void missingFieldOutranksAWrongValueElsewhereSoTheAnswerDoesNotDependOnFieldOrder() throws Exception {
        PayloadViolation v = violation(OCPP16, "StatusNotification", REQUEST,
                "{\"connectorId\":1,\"status\":\"Nonsense\"}");
        assertEquals(RpcErrorKind.OCCURRENCE_CONSTRAINT, v.kind());
        assertEquals("$.errorCode", v.path());
    }

    @Test
    void vendorCustomDataIsAcceptedIn201ButUnknownFieldsInsideItAreTheVendorsBusiness() throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(
                "{\"customData\":{\"vendorId\":\"io.chargeplane\",\"anything\":[1,2]},\"type\":\"OnIdle\"}");
        assertEquals(Optional.empty(), VALIDATOR.validate(OCPP201, "Reset", REQUEST, payload));
        PayloadViolation v = violation(OCPP201, "Reset", REQUEST, "{\"customData\":{},\"type\":\"OnIdle\"}");
        assertEquals("$.customData.vendorId", v.path());
    }

    @Test
    void dataTransferDataIsAnyJsonIn201ButAStringIn16() throws Exception {
        String withObject = "{\"vendorId\":\"v\",\"data\":{\"k\":[1,{\"x\":null}]}}";
        assertEquals(Optional.empty(), VALIDATOR.validate(OCPP201, "DataTransfer", REQUEST, JSON.readTree(withObject)));
        assertEquals(RpcErrorKind.TYPE_CONSTRAINT, violation(OCPP16, "DataTransfer", REQUEST, withObject).kind());
    }

    @Test
    void decimalLimitsOnTheTenthAreExactNotFloatingPoint() throws Exception {
        String profile = "{\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":1,\"stackLevel\":0,"
                + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\","
                + "\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
                + "[{\"startPeriod\":0,\"limit\":7.3},{\"startPeriod\":60,\"limit\":0.3}]}}}";
        assertEquals(Optional.empty(),
                VALIDATOR.validate(OCPP16, "SetChargingProfile", REQUEST, JSON.readTree(profile)));
    }

    @Test
    void timestampsWithoutAnOffsetAreRefusedAsTheSpecRequiresUtcOrAnOffset() throws Exception {
        PayloadViolation v = violation(OCPP16, "Heartbeat", RESPONSE, "{\"currentTime\":\"2026-11-25T09:30:00\"}");
        assertEquals(RpcErrorKind.PROPERTY_CONSTRAINT, v.kind());
    }

    @Test
    void anActionOutsideTheCatalogueIsNotImplemented() throws Exception {
        PayloadViolation v = violation(OCPP16, "SignCertificate", REQUEST, "{}");
        assertEquals(RpcErrorKind.NOT_IMPLEMENTED, v.kind());
        assertEquals("NotImplemented", code(OCPP16, v));
    }

    @Test
    void longDescriptionsAreCutToThe201Limit() {
        CallError error = new PayloadViolation(RpcErrorKind.PROPERTY_CONSTRAINT, "$.x", "$.x: " + "y".repeat(400))
                .toRpcError("m1").toCallError(OCPP201);
        assertEquals(CallError.MAX_DESCRIPTION_LENGTH, error.errorDescription().length());
    }
}
