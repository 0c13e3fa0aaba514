package io.chargeplane.tools.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.bridge.ocpp.OcppMessageLayer;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.DecodeResult;
import io.chargeplane.bridge.ocpp.rpc.OcppJsonCodec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

class OcppDialectTest {

    private static final PayloadValidator VALIDATOR = new PayloadValidator(SchemaRegistry.standard());

    @Test
    void bootNotificationsPassTheAdaptersSchemasInBothVersions() {
        assertValidCall(OcppVersion.OCPP16, OcppDialect.OCPP16.bootNotification("b1", "LG-000001"), "BootNotification");
        assertValidCall(OcppVersion.OCPP201, OcppDialect.OCPP201.bootNotification("b1", "LG-000001"), "BootNotification");
    }

    @Test
    void meterValuesPassTheAdaptersSchemasInBothVersions() {
        assertValidCall(OcppVersion.OCPP16, OcppDialect.OCPP16.meterValues("m1", 123_450, "2026-11-25T09:30:00Z"), "MeterValues");
        assertValidCall(OcppVersion.OCPP201, OcppDialect.OCPP201.meterValues("m1", 123_450, "2026-11-25T09:30:00Z"), "MeterValues");
    }

    @Test
    void versionNamesAreReadInTheirUsualSpellings() {
        assertEquals(OcppDialect.OCPP16, OcppDialect.parse("1.6"));
        assertEquals(OcppDialect.OCPP16, OcppDialect.parse("ocpp1.6"));
        assertEquals(OcppDialect.OCPP201, OcppDialect.parse("2.0.1"));
        assertEquals(OcppDialect.OCPP201, OcppDialect.parse("OCPP2.0.1"));
        assertThrows(IllegalArgumentException.class, () -> OcppDialect.parse("2.1"));
    }

    private static void assertValidCall(OcppVersion version, String frame, String action) {
        OcppMessageLayer layer = new OcppMessageLayer(OcppJsonCodec.forCsms(version), VALIDATOR);
        DecodeResult result = layer.decodeInbound(frame);
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result, () -> frame + " -> " + result);
        Call call = assertInstanceOf(Call.class, decoded.frame());
        assertEquals(action, call.action());
    }
}
