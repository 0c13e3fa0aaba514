package io.chargeplane.bridge.ocpp.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;

import java.util.Optional;
import java.util.Set;

/**
 * Validates payloads against the {@link SchemaRegistry} and maps the violation to an RPC error.
 *
 * <p>Mapping (the specification names the codes, not the keyword each comes from):
 * <ul>
 *   <li>a missing required field, too few or too many array items → {@link RpcErrorKind#OCCURRENCE_CONSTRAINT};</li>
 *   <li>a field of the wrong JSON type → {@link RpcErrorKind#TYPE_CONSTRAINT};</li>
 *   <li>a value outside its enumeration, too long, of the wrong format (date-time, URI) or out of range →
 *       {@link RpcErrorKind#PROPERTY_CONSTRAINT};</li>
 *   <li>a field the schema does not define → {@link RpcErrorKind#FORMAT_VIOLATION}: the payload does not
 *       conform to the message's structure, while every field it should have may be valid, so it is not a
 *       constraint on any one property.</li>
 * </ul>
 * When a payload breaks several rules, the one reported is chosen by the order above (structure of what is
 * there first: occurrence, then type, then value, then unknown fields), and within one rule by the order in
 * which the validator met them. That makes the answer stable whatever the order of fields in the payload.
 */
public final class PayloadValidator {

    private final SchemaRegistry registry;

    public PayloadValidator(SchemaRegistry registry) {
        this.registry = registry;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    /** Validates the payload of an inbound CALL against its request schema. */
    public Optional<PayloadViolation> validateRequest(OcppVersion version, Call call) {
        return validate(version, call.action(), PayloadKind.REQUEST, call.payload());
    }

    /**
     * Validates one payload. An action outside the catalogue yields {@link RpcErrorKind#NOT_IMPLEMENTED}.
     *
     * @return empty when the payload is valid
     */
    public Optional<PayloadViolation> validate(OcppVersion version, String action, PayloadKind kind,
                                               JsonNode payload) {
        Optional<JsonSchema> schema = registry.schema(version, action, kind);
        if (schema.isEmpty()) {
            return Optional.of(new PayloadViolation(RpcErrorKind.NOT_IMPLEMENTED, "$",
                    "action " + action + " is not implemented for " + version.subprotocol()));
        }
        Set<ValidationMessage> messages = schema.get().validate(payload);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        ValidationMessage first = null;
        int firstRank = Integer.MAX_VALUE;
        for (ValidationMessage message : messages) {
            int rank = rank(kindOf(message.getType()));
            if (rank < firstRank) {
                first = message;
                firstRank = rank;
            }
        }
        return Optional.of(toViolation(first));
    }

    static RpcErrorKind kindOf(String keyword) {
        return switch (keyword) {
            case "required", "minItems", "maxItems" -> RpcErrorKind.OCCURRENCE_CONSTRAINT;
            case "type" -> RpcErrorKind.TYPE_CONSTRAINT;
            case "enum", "const", "maxLength", "minLength", "pattern", "format", "minimum", "maximum",
                 "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> RpcErrorKind.PROPERTY_CONSTRAINT;
            default -> RpcErrorKind.FORMAT_VIOLATION;
        };
    }

    private static int rank(RpcErrorKind kind) {
        return switch (kind) {
            case OCCURRENCE_CONSTRAINT -> 0;
            case TYPE_CONSTRAINT -> 1;
            case PROPERTY_CONSTRAINT -> 2;
            default -> 3;
        };
    }

    private static PayloadViolation toViolation(ValidationMessage message) {
        RpcErrorKind kind = kindOf(message.getType());
        String location = message.getInstanceLocation().toString();
        String path = switch (message.getType()) {
            case "required", "additionalProperties" -> child(location, message.getProperty());
            default -> location;
        };
        String reason = switch (message.getType()) {
            case "required" -> "required field is missing";
            case "additionalProperties" -> "field is not defined for this message";
            default -> stripLocation(message.getMessage(), location);
        };
        return new PayloadViolation(kind, path, path + ": " + reason);
    }

    private static String child(String location, String property) {
        return property == null ? location : location + "." + property;
    }

    /** The validator's message starts with the instance location; the description puts its own path first. */
    private static String stripLocation(String message, String location) {
        String prefix = location + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
