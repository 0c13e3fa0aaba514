package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A CALL to send to a station on behalf of a canonical command: the OCPP action and its payload. */
public record OutboundCall(String action, ObjectNode payload) {
    public OutboundCall {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
    }
}
