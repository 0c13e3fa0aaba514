package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** OCPP-J frame text for payloads built as Jackson trees (the station's frames beyond loadgen's text ones). */
final class Frames {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Frames() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static String call(String messageId, String action, ObjectNode payload) {
        ArrayNode frame = NODES.arrayNode().add(2).add(messageId).add(action);
        frame.add(payload);
        return write(frame);
    }

    static String result(String messageId, ObjectNode payload) {
        ArrayNode frame = NODES.arrayNode().add(3).add(messageId);
        frame.add(payload);
        return write(frame);
    }

    static String error(String messageId, String code, String description) {
        ArrayNode frame = NODES.arrayNode().add(4).add(messageId).add(code)
                .add(description.length() > 255 ? description.substring(0, 255) : description);
        frame.add(object());
        return write(frame);
    }

    /** The frame as a JSON array, or null when it is not one. */
    static ArrayNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node instanceof ArrayNode a ? a : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** RFC 3339 UTC with whole seconds, as both versions' schemas accept. */
    static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
