package io.chargeplane.bridge.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.CallResult;
import io.chargeplane.bridge.ocpp.rpc.DecodeResult;
import io.chargeplane.bridge.ocpp.rpc.OcppJsonCodec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.schema.PayloadKind;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.schema.PayloadViolation;

import java.util.Objects;
import java.util.Optional;

/**
 * Codec and validator together: what a connection handler calls for each inbound text frame.
 *
 * <p>An inbound CALL comes back decoded only when its payload also satisfies the action's request schema;
 * otherwise as the error to answer with. CALLRESULTs are decoded here but validated by the caller with
 * {@link #validateResult}, because only the sender of the CALL knows which action a result answers.
 */
public final class OcppMessageLayer {

    private final OcppJsonCodec codec;
    private final PayloadValidator validator;

    public OcppMessageLayer(OcppJsonCodec codec, PayloadValidator validator) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    public OcppJsonCodec codec() {
        return codec;
    }

    public OcppVersion version() {
        return codec.version();
    }

    /** Decodes one text frame and validates a CALL's payload against its request schema. */
    public DecodeResult decodeInbound(String text) {
        DecodeResult result = codec.decode(text);
        if (result instanceof DecodeResult.Decoded(Call call)) {
            Optional<PayloadViolation> violation = validator.validateRequest(codec.version(), call);
            if (violation.isPresent()) {
                return new DecodeResult.Rejected(violation.get().toRpcError(call.messageId()));
            }
        }
        return result;
    }

    /** Validates a CALLRESULT against the response schema of the action of the CALL it answers. */
    public Optional<PayloadViolation> validateResult(String action, CallResult result) {
        return validator.validate(codec.version(), action, PayloadKind.RESPONSE, result.payload());
    }

    /** Validates an outbound payload before it is sent, so this side never puts an invalid message on the wire. */
    public Optional<PayloadViolation> validateOutbound(String action, PayloadKind kind,
                                                       JsonNode payload) {
        return validator.validate(codec.version(), action, kind, payload);
    }
}
