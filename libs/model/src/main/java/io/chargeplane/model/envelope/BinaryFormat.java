package io.chargeplane.model.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.model.ModelValidationException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CloudEvents binary mode as the Kafka protocol binding defines it: each attribute {@code x} in header
 * {@code ce_x} (UTF-8), {@code datacontenttype} as the {@code content-type} header, data as the value.
 */
final class BinaryFormat {

    static final String HEADER_PREFIX = "ce_";
    static final String CONTENT_TYPE = "content-type";

    private final CanonicalCodec codec;

    BinaryFormat(CanonicalCodec codec) {
        this.codec = codec;
    }

    BinaryMessage write(CanonicalEvent<?> event) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, Attributes.SPECVERSION, CanonicalEvent.SPEC_VERSION);
        put(headers, Attributes.ID, event.id().value());
        put(headers, Attributes.SOURCE, event.source());
        put(headers, Attributes.TYPE, event.type());
        put(headers, Attributes.TIME, Attributes.formatTime(event.time()));
        put(headers, Attributes.SUBJECT, event.subject());
        put(headers, Attributes.TENANT, event.tenant().value());
        if (event.correlationId() != null) {
            put(headers, Attributes.CORRELATIONID, event.correlationId().value());
        }
        if (event.protocol() != null) {
            put(headers, Attributes.PROTOCOL, event.protocol().wireName());
        }
        if (event.adapter() != null) {
            put(headers, Attributes.ADAPTER, event.adapter().value());
        }
        headers.put(CONTENT_TYPE, CanonicalCodec.DATA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return new BinaryMessage(headers, codec.bytes(event.data()));
    }

    CanonicalEvent<?> read(Map<String, byte[]> headers, byte[] data) {
        if (headers == null) {
            throw new ModelValidationException("headers", "are required");
        }
        String contentType = header(headers, CONTENT_TYPE);
        if (contentType != null && !isJson(contentType)) {
            throw new ModelValidationException(CONTENT_TYPE, "must be application/json (was '" + contentType + "')");
        }
        return Attributes.read(name -> header(headers, HEADER_PREFIX + name), type -> {
            if (data == null || data.length == 0) {
                throw new ModelValidationException("data", "is required");
            }
            JsonNode tree = codec.readTree(data, "data");
            return DataBinding.bind(codec, type, tree);
        });
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static void put(Map<String, byte[]> headers, String attribute, String value) {
        headers.put(HEADER_PREFIX + attribute, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
