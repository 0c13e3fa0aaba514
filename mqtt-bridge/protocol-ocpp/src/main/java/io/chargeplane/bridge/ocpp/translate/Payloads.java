package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Small readers and writers for schema-valid payload trees. */
final class Payloads {

    /** Exact decimals, as the codec reads them, so numbers written here compare equal to numbers read. */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Payloads() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToInt() ? null : value.intValue();
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    /** RFC 3339 in UTC, to the millisecond: what every station parses. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** OCPP's 0 means the whole station, the model's null. */
    static EvseId evse(Integer number) {
        return number == null || number == 0 ? null : EvseId.of(number);
    }

    static ConnectorId connector(Integer number) {
        return number == null || number == 0 ? null : ConnectorId.of(number);
    }

    static int number(EvseId evse) {
        return evse == null ? 0 : evse.value();
    }
}
