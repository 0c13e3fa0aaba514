package io.chargeplane.model.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A canonical message in CloudEvents binary mode as the Kafka protocol binding lays it out: attributes as
 * {@code ce_*} headers with UTF-8 values, {@code content-type} for the data, and the data bytes as the record
 * value. Kept free of kafka-clients so that every module can produce one; a producer copies the headers
 * into its record as they are.
 */
public record BinaryMessage(Map<String, byte[]> headers, byte[] data) {

    public BinaryMessage {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        data = data.clone();
    }

    /** A header value as text, or null when absent. */
    public String header(String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof BinaryMessage that) || !Arrays.equals(data, that.data)
                || headers.size() != that.headers.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> header : headers.entrySet()) {
            if (!Arrays.equals(header.getValue(), that.headers.get(header.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(data);
        for (Map.Entry<String, byte[]> header : headers.entrySet()) {
            hash += header.getKey().hashCode() ^ Arrays.hashCode(header.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("BinaryMessage{");
        headers.forEach((name, value) -> text.append(name).append('=')
                .append(new String(value, StandardCharsets.UTF_8)).append(", "));
        return text.append("data=").append(data.length).append(" bytes}").toString();
    }
}
