package io.chargeplane.model.envelope;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.model.ModelValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** CloudEvents structured mode (JSON event format): attributes and data in one JSON object. */
final class StructuredFormat {

    private final CanonicalCodec codec;

    StructuredFormat(CanonicalCodec codec) {
        this.codec = codec;
    }

    byte[] write(CanonicalEvent<?> event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = codec.generator(out)) {
            json.writeStartObject();
            json.writeStringField(Attributes.SPECVERSION, CanonicalEvent.SPEC_VERSION);
            json.writeStringField(Attributes.ID, event.id().value());
            json.writeStringField(Attributes.SOURCE, event.source());
            json.writeStringField(Attributes.TYPE, event.type());
            json.writeStringField(Attributes.TIME, Attributes.formatTime(event.time()));
            json.writeStringField(Attributes.SUBJECT, event.subject());
            json.writeStringField(Attributes.DATACONTENTTYPE, CanonicalCodec.DATA_CONTENT_TYPE);
            json.writeStringField(Attributes.TENANT, event.tenant().value());
            if (event.correlationId() != null) {
                json.writeStringField(Attributes.CORRELATIONID, event.correlationId().value());
            }
            if (event.protocol() != null) {
                json.writeStringField(Attributes.PROTOCOL, event.protocol().wireName());
            }
            if (event.adapter() != null) {
                json.writeStringField(Attributes.ADAPTER, event.adapter().value());
            }
            json.writeFieldName("data");
            codec.writeValue(json, event.data());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    CanonicalEvent<?> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ModelValidationException("body", "is empty");
        }
        JsonNode root = codec.readTree(bytes, "body");
        if (!root.isObject()) {
            throw new ModelValidationException("body", "must be a JSON object (a structured CloudEvent)");
        }
        String contentType = text(root, Attributes.DATACONTENTTYPE);
        if (contentType != null && !BinaryFormat.isJson(contentType)) {
            throw new ModelValidationException(Attributes.DATACONTENTTYPE, "must be application/json (was '" + contentType + "')");
        }
        if (root.has("data_base64")) {
            throw new ModelValidationException("data_base64", "is not supported; data must be JSON");
        }
        return Attributes.read(name -> text(root, name), type -> DataBinding.bind(codec, type, root.get("data")));
    }

    private static String text(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ModelValidationException(name, "must be a string");
        }
        return node.textValue();
    }
}
