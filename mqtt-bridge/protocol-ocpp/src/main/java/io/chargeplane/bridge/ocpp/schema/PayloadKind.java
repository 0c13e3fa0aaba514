package io.chargeplane.bridge.ocpp.schema;

import io.chargeplane.bridge.ocpp.rpc.OcppVersion;

/** Which half of an action a payload is: the CALL's request or the CALLRESULT's response (1.6: ".conf"). */
public enum PayloadKind {
    REQUEST,
    RESPONSE;

    /** The schema's resource name under {@code schemas/<version dir>/}. */
    String resourceName(OcppVersion version, String action) {
        return switch (version) {
            case OCPP16 -> action + (this == REQUEST ? ".req.json" : ".conf.json");
            case OCPP201 -> action + (this == REQUEST ? "Request.json" : "Response.json");
        };
    }

    static String directory(OcppVersion version) {
        return switch (version) {
            case OCPP16 -> "ocpp16";
            case OCPP201 -> "ocpp201";
        };
    }
}
