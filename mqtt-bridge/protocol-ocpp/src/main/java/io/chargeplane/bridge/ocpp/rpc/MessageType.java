package io.chargeplane.bridge.ocpp.rpc;

/**
 * OCPP-J message type numbers, the first element of every frame. OCPP 2.1 adds CALLRESULTERROR (5) and
 * SEND (6); until 2.1 is supported they are answered like any other unknown type.
 */
public enum MessageType {
    CALL(2),
    CALL_RESULT(3),
    CALL_ERROR(4);

    private final int id;

    MessageType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The type for a wire number, or {@code null} when this implementation does not handle it. */
    public static MessageType fromId(int id) {
        return switch (id) {
            case 2 -> CALL;
            case 3 -> CALL_RESULT;
            case 4 -> CALL_ERROR;
            default -> null;
        };
    }
}
