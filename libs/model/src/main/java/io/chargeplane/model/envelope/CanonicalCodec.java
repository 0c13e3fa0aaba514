package io.chargeplane.model.envelope;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.ModelValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads and writes canonical envelopes: structured-mode JSON for MQTT, binary mode for Kafka.
 *
 * <p>One instance is meant to be shared: it is immutable and thread-safe and holds the only
 * {@link ObjectMapper} the model needs, configured strictly (no float-to-int truncation, no enum ordinals,
 * no string-to-number coercion) but tolerant of unknown JSON properties so that a v1 consumer keeps working
 * when a producer adds an optional field. Every failure to read is a {@link ModelValidationException}
 * naming the offending field. Binding uses Jackson's reflection on records; see the package documentation of
 * {@code io.chargeplane.model} for the native-image configuration this needs.
 */
public final class CanonicalCodec {

    /** The MQTT content type of a structured-mode message. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    /** The content type of the data in binary mode. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private static final CanonicalCodec DEFAULT = new CanonicalCodec();

    private final ObjectMapper mapper;
    private final StructuredFormat structured;
    private final BinaryFormat binary;

    public CanonicalCodec() {
        this.mapper = newMapper();
        this.structured = new StructuredFormat(this);
        this.binary = new BinaryFormat(this);
    }

    /** The shared instance; use it unless you need a separate one for isolation in tests. */
    public static CanonicalCodec defaultCodec() {
        return DEFAULT;
    }

    private static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** Structured mode: the whole envelope as one JSON document, for MQTT payloads. */
    public byte[] writeStructured(CanonicalEvent<?> event) {
        return structured.write(event);
    }

    public CanonicalEvent<?> readStructured(byte[] json) {
        return structured.read(json);
    }

    /** Reads and narrows in one step: a command consumer gets a {@code type:} error for anything else. */
    public <T extends CanonicalPayload> CanonicalEvent<T> readStructured(byte[] json, Class<T> payloadType) {
        return structured.read(json).as(payloadType);
    }

    /** Binary mode: attributes as Kafka headers, the data as the record value. */
    public BinaryMessage writeBinary(CanonicalEvent<?> event) {
        return binary.write(event);
    }

    public CanonicalEvent<?> readBinary(Map<String, byte[]> headers, byte[] data) {
        return binary.read(headers, data);
    }

    public CanonicalEvent<?> readBinary(BinaryMessage message) {
        return binary.read(message.headers(), message.data());
    }

    public <T extends CanonicalPayload> CanonicalEvent<T> readBinary(BinaryMessage message, Class<T> payloadType) {
        return readBinary(message).as(payloadType);
    }

    /** Plain JSON for model values that travel outside an envelope (presence messages, payloads alone). */
    public byte[] writeJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new ModelValidationException("", "cannot write " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> T readJson(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw JsonErrors.translate(e, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode readTree(byte[] json, String field) {
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new ModelValidationException(field, "is empty");
            }
            return tree;
        } catch (JacksonException e) {
            throw JsonErrors.translate(e, field.equals("body") ? "" : field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binds a JSON node to a model type, reporting failures under {@code field}. */
    <T> T bind(JsonNode node, Class<T> type, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw JsonErrors.translate(e, field);
        } catch (ModelValidationException e) {
            throw e.under(field);
        }
    }

    void writeValue(JsonGenerator generator, Object value) throws IOException {
        mapper.writeValue(generator, value);
    }

    JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
        return mapper.createGenerator(out);
    }

    byte[] bytes(Object value) {
        return writeJson(value);
    }
}
