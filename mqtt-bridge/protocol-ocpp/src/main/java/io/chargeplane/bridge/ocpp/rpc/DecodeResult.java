package io.chargeplane.bridge.ocpp.rpc;

/** The outcome of decoding one text frame: a frame, or the precise protocol error to answer with. */
public sealed interface DecodeResult {

    /** A well-formed frame (for a CALL: a known action the peer may send). */
    record Decoded(RpcFrame frame) implements DecodeResult {
    }

    /** A refused frame. */
    record Rejected(RpcError error) implements DecodeResult {
    }
}
