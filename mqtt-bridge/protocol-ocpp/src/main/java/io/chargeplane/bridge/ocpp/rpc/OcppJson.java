package io.chargeplane.bridge.ocpp.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The Jackson set-up shared by the codec and the schemas. */
public final class OcppJson {

    /** Default frame limit: generous for NotifyReport pages and certificates, small enough to bound memory. */
    public static final int DEFAULT_MAX_FRAME_CHARS = 256 * 1024;

    /**
     * The deepest OCPP payload (2.0.1 SetChargingProfile down to a sales tariff cost) nests about a dozen
     * levels; DataTransfer's free-form data gets headroom. Deeper input is an attack, not a message.
     */
    public static final int MAX_NESTING_DEPTH = 32;

    private OcppJson() {
    }

    /**
     * A mapper that keeps decimals exact (meter values and costs become {@code BigDecimal}, not double),
     * rejects duplicate keys and bounds nesting depth and string length.
     */
    public static ObjectMapper mapper(int maxFrameChars) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(maxFrameChars)
                        .maxNumberLength(64)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }
}
