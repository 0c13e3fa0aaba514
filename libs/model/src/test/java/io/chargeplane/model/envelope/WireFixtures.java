package io.chargeplane.model.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Loads the golden envelopes under {@code src/test/resources/fixtures/} and variations of them. */
final class WireFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private WireFixtures() {
    }

    static ObjectNode tree(String name) {
        try (InputStream in = WireFixtures.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return bytes(tree(name));
    }

    /** The fixture with one change applied, as bytes ready for the codec. */
    static byte[] variant(String name, Consumer<ObjectNode> change) {
        ObjectNode tree = tree(name);
        change.accept(tree);
        return bytes(tree);
    }

    static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
