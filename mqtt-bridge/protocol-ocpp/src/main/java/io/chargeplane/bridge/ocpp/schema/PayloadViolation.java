package io.chargeplane.bridge.ocpp.schema;

import io.chargeplane.bridge.ocpp.rpc.RpcError;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;

/**
 * The violation a payload was refused for.
 *
 * @param kind        the RPC error it maps to
 * @param path        the offending field as a JSON path, e.g. {@code $.idTagInfo.status} or
 *                    {@code $.meterValue[0].sampledValue}
 * @param description a reason that names the path
 */
public record PayloadViolation(RpcErrorKind kind, String path, String description) {

    /** The error to answer the CALL {@code messageId} with. */
    public RpcError toRpcError(String messageId) {
        return new RpcError(messageId, kind, description, true);
    }
}
