package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The station's answer to a CSMS CALL: a CALLRESULT payload or a CALLERROR, and what the station does once the
 * answer is on its way (a remote start begins, a reset reboots, a triggered message is sent).
 */
record Answer(ObjectNode payload, String errorCode, String errorDescription, Runnable then) {

    static Answer ok(ObjectNode payload) {
        return new Answer(payload, null, null, () -> { });
    }

    static Answer ok(ObjectNode payload, Runnable then) {
        return new Answer(payload, null, null, then);
    }

    static Answer status(String status) {
        return ok(Frames.object().put("status", status));
    }

    static Answer status(String status, Runnable then) {
        return ok(Frames.object().put("status", status), then);
    }

    static Answer error(String code, String description) {
        return new Answer(null, code, description, () -> { });
    }

    boolean isError() {
        return errorCode != null;
    }
}
