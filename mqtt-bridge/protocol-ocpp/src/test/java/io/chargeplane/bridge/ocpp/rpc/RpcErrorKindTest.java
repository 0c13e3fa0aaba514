package io.chargeplane.bridge.ocpp.rpc;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP16;
import static io.chargeplane.bridge.ocpp.rpc.OcppVersion.OCPP201;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RpcErrorKindTest {

    private static Set<String> codes(OcppVersion v) {
        return Arrays.stream(RpcErrorKind.values()).map(k -> k.code(v)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void ocpp16UsesExactlyItsTenCodesIncludingTheMisspelledOnes() {
        assertEquals(new TreeSet<>(Set.of("NotImplemented", "NotSupported", "InternalError", "ProtocolError",
                "SecurityError", "FormationViolation", "PropertyConstraintViolation",
                "OccurenceConstraintViolation", "TypeConstraintViolation", "GenericError")), codes(OCPP16));
    }

    @Test
    void ocpp201UsesExactlyItsTwelveCodes() {
        assertEquals(new TreeSet<>(Set.of("FormatViolation", "GenericError", "InternalError",
                "MessageTypeNotSupported", "NotImplemented", "NotSupported", "OccurrenceConstraintViolation",
                "PropertyConstraintViolation", "ProtocolError", "RpcFrameworkError", "SecurityError",
                "TypeConstraintViolation")), codes(OCPP201));
    }

    @Test
    void readsReceivedCodesBackToTheirKind() {
        assertEquals(RpcErrorKind.OCCURRENCE_CONSTRAINT,
                RpcErrorKind.fromCode(OCPP16, "OccurenceConstraintViolation").orElseThrow());
        assertEquals(RpcErrorKind.FORMAT_VIOLATION, RpcErrorKind.fromCode(OCPP16, "FormationViolation").orElseThrow());
        assertEquals(RpcErrorKind.RPC_FRAMEWORK_ERROR, RpcErrorKind.fromCode(OCPP201, "RpcFrameworkError").orElseThrow());
        assertEquals(java.util.Optional.empty(), RpcErrorKind.fromCode(OCPP201, "OccurenceConstraintViolation"));
    }
}
