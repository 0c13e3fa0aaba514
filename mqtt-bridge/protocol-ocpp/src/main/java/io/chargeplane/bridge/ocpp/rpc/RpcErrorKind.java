package io.chargeplane.bridge.ocpp.rpc;

import java.util.Optional;

/**
 * The one version-independent catalogue of OCPP-J RPC errors, each mapped to the exact code string of every
 * version.
 *
 * <p>OCPP 1.6 spells two codes its own way ({@code FormationViolation}, {@code OccurenceConstraintViolation})
 * and lacks {@code RpcFrameworkError} and {@code MessageTypeNotSupported}. Both of those describe a frame that
 * does not follow the RPC framework, which is what 1.6's {@code FormationViolation} ("not conform the PDU
 * structure") covers, so they fall back to it. Reverse lookup of a code returns the first kind declared for
 * it, so 1.6 {@code FormationViolation} reads back as {@link #FORMAT_VIOLATION}.
 */
public enum RpcErrorKind {
    FORMAT_VIOLATION("FormationViolation", "FormatViolation"),
    OCCURRENCE_CONSTRAINT("OccurenceConstraintViolation", "OccurrenceConstraintViolation"),
    TYPE_CONSTRAINT("TypeConstraintViolation", "TypeConstraintViolation"),
    PROPERTY_CONSTRAINT("PropertyConstraintViolation", "PropertyConstraintViolation"),
    NOT_IMPLEMENTED("NotImplemented", "NotImplemented"),
    NOT_SUPPORTED("NotSupported", "NotSupported"),
    INTERNAL_ERROR("InternalError", "InternalError"),
    PROTOCOL_ERROR("ProtocolError", "ProtocolError"),
    SECURITY_ERROR("SecurityError", "SecurityError"),
    GENERIC_ERROR("GenericError", "GenericError"),
    RPC_FRAMEWORK_ERROR("FormationViolation", "RpcFrameworkError"),
    MESSAGE_TYPE_NOT_SUPPORTED("FormationViolation", "MessageTypeNotSupported");

    private final String ocpp16;
    private final String ocpp201;

    RpcErrorKind(String ocpp16, String ocpp201) {
        this.ocpp16 = ocpp16;
        this.ocpp201 = ocpp201;
    }

    /** The exact {@code errorCode} string to put on the wire for {@code version}. */
    public String code(OcppVersion version) {
        return switch (version) {
            case OCPP16 -> ocpp16;
            case OCPP201 -> ocpp201;
        };
    }

    /** The kind a received code stands for in {@code version}; empty for codes the version does not define. */
    public static Optional<RpcErrorKind> fromCode(OcppVersion version, String code) {
        for (RpcErrorKind kind : values()) {
            if (kind.code(version).equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
