package io.chargeplane.bridge.ocpp.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code [4, messageId, errorCode, errorDescription, errorDetails]}: the failed answer to a CALL.
 *
 * <p>The code is kept as the exact wire string, because a peer may send codes of another version or of its
 * own; {@link #kind(OcppVersion)} maps it back to the version-independent catalogue where it can.
 */
public record CallError(String messageId, String errorCode, String errorDescription, ObjectNode errorDetails)
        implements RpcFrame {

    /** OCPP 2.0.1 limits errorDescription to 255 characters; 1.6 sets no limit, so the stricter one holds. */
    public static final int MAX_DESCRIPTION_LENGTH = 255;

    public CallError {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorDescription, "errorDescription");
        Objects.requireNonNull(errorDetails, "errorDetails");
    }

    /** A CALLERROR with the version's exact code for {@code kind}, a bounded description and empty details. */
    public static CallError of(OcppVersion version, String messageId, RpcErrorKind kind, String description) {
        String text = description == null ? "" : description;
        if (text.length() > MAX_DESCRIPTION_LENGTH) {
            text = text.substring(0, MAX_DESCRIPTION_LENGTH);
        }
        return new CallError(messageId, kind.code(version), text, JsonNodeFactory.instance.objectNode());
    }

    /** The catalogue entry for this frame's code in {@code version}, empty for codes the version lacks. */
    public Optional<RpcErrorKind> kind(OcppVersion version) {
        return RpcErrorKind.fromCode(version, errorCode);
    }

    @Override
    public MessageType type() {
        return MessageType.CALL_ERROR;
    }
}
