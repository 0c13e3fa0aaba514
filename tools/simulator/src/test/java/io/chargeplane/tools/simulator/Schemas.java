package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.bridge.ocpp.OcppMessageLayer;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.DecodeResult;
import io.chargeplane.bridge.ocpp.rpc.OcppJsonCodec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.schema.PayloadKind;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.schema.SchemaRegistry;
import io.chargeplane.bridge.ocpp.schema.PayloadViolation;
import io.chargeplane.tools.loadgen.OcppDialect;
import java.util.Optional;

/** The adapter's own OCPP schemas, as the bridge applies them to what a station sends. */
final class Schemas {

    private static final PayloadValidator VALIDATOR = new PayloadValidator(SchemaRegistry.standard());

    private Schemas() {
    }

    static OcppVersion version(OcppDialect dialect) {
        return dialect == OcppDialect.OCPP16 ? OcppVersion.OCPP16 : OcppVersion.OCPP201;
    }

    /** Decodes a station's CALL frame exactly as the bridge does and fails unless it is valid. */
    static Call assertValidCall(OcppDialect dialect, String frame) {
        OcppMessageLayer layer = new OcppMessageLayer(OcppJsonCodec.forCsms(version(dialect)), VALIDATOR);
        DecodeResult result = layer.decodeInbound(frame);
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result, () -> frame + " -> " + result);
        return assertInstanceOf(Call.class, decoded.frame());
    }

    static void assertValidCall(OcppDialect dialect, OutCall call) {
        Call decoded = assertValidCall(dialect, Frames.call("m1", call.action(), call.payload()));
        assertEquals(call.action(), decoded.action());
    }

    static void assertValid(OcppDialect dialect, String action, PayloadKind kind, JsonNode payload) {
        Optional<PayloadViolation> violation = VALIDATOR.validate(version(dialect), action, kind, payload);
        assertTrue(violation.isEmpty(), () -> action + " " + kind + " " + payload + " -> " + violation.get());
    }
}
