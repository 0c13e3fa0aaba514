package io.chargeplane.bridge.ocpp.rpc;

/**
 * One OCPP-J frame. Payloads are Jackson object nodes: the translator reads them as trees, which is both
 * the cheapest form to validate against the schemas and free of reflection (native-image friendly).
 */
public sealed interface RpcFrame permits Call, CallResult, CallError {

    /** The message id that correlates a CALL with its CALLRESULT or CALLERROR. */
    String messageId();

    MessageType type();
}
