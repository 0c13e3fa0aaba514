package io.chargeplane.bridge.ocpp.rpc;

import java.util.Objects;

/**
 * Why an inbound frame or payload was refused.
 *
 * @param messageId     the id to answer with: the frame's own id when it could be read, else
 *                      {@link #UNKNOWN_MESSAGE_ID}
 * @param kind          the version-independent error
 * @param description   a human-readable reason naming the offending element or field path
 * @param replyExpected whether the peer is owed a CALLERROR. Only a CALL (or something that cannot be told
 *                      apart from one) is answered; a broken CALLRESULT or CALLERROR has no answer in OCPP
 *                      1.6/2.0.1 and is only logged and counted.
 */
public record RpcError(String messageId, RpcErrorKind kind, String description, boolean replyExpected) {

    /**
     * The id used when a frame's own id cannot be read (non-JSON text, no array, no string in position 1).
     * OCPP 2.0.1 prescribes "-1" for this case; 1.6 is silent and gets the same so that both versions behave
     * alike.
     */
    public static final String UNKNOWN_MESSAGE_ID = "-1";

    public RpcError {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /** The CALLERROR frame that answers this error in {@code version}. */
    public CallError toCallError(OcppVersion version) {
        return CallError.of(version, messageId, kind, description);
    }
}
