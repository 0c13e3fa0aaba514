package io.chargeplane.bridge.ocpp.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * {@code [3, messageId, payload]}: the successful answer to a CALL. The frame does not name its action;
 * the sender of the CALL knows it from the message id.
 */
public record CallResult(String messageId, ObjectNode payload) implements RpcFrame {

    public CallResult {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.CALL_RESULT;
    }
}
