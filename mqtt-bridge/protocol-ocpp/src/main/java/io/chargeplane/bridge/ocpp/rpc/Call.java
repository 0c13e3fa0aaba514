package io.chargeplane.bridge.ocpp.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/** {@code [2, messageId, action, payload]}: a request that expects exactly one answer. */
public record Call(String messageId, String action, ObjectNode payload) implements RpcFrame {

    public Call {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.CALL;
    }
}
