package io.chargeplane.model.envelope;

import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EventId;
import io.chargeplane.model.id.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The CloudEvents attributes of a canonical envelope, read the same way whichever binding carried them
 * (JSON members in structured mode, {@code ce_} headers in binary mode).
 */
final class Attributes {

    static final String SPECVERSION = "specversion";
    static final String ID = "id";
    static final String SOURCE = "source";
    static final String TYPE = "type";
    static final String TIME = "time";
    static final String SUBJECT = "subject";
    static final String DATACONTENTTYPE = "datacontenttype";
    static final String TENANT = "tenant";
    static final String CORRELATIONID = "correlationid";
    static final String PROTOCOL = "protocol";
    static final String ADAPTER = "adapter";

    /** Where attribute values come from; returns null for an absent attribute. */
    @FunctionalInterface
    interface Source {
        String get(String name);
    }

    /** Turns the {@code data} of a resolved type into its payload. */
    @FunctionalInterface
    interface DataReader {
        CanonicalPayload read(PayloadType type);
    }

    private Attributes() {
    }

    static CanonicalEvent<?> read(Source attributes, DataReader data) {
        String specVersion = attributes.get(SPECVERSION);
        if (!CanonicalEvent.SPEC_VERSION.equals(specVersion)) {
            throw new ModelValidationException(SPECVERSION, specVersion == null ? "is required"
                    : "must be " + CanonicalEvent.SPEC_VERSION + " (was '" + specVersion + "')");
        }
        EventId id = required(attributes, ID, EventId::new);
        PayloadType type = CanonicalTypes.resolve(attributes.get(TYPE));
        TenantId tenant = required(attributes, TENANT, TenantId::new);
        DeviceId device = required(attributes, SUBJECT, DeviceId::new);
        String source = attributes.get(SOURCE);
        String expectedSource = CanonicalEvent.sourceOf(tenant, device);
        if (source == null) {
            throw new ModelValidationException(SOURCE, "is required");
        }
        if (!source.equals(expectedSource)) {
            throw new ModelValidationException(SOURCE, "'" + source + "' does not match tenant and subject (expected '"
                    + expectedSource + "')");
        }
        Instant time = required(attributes, TIME, Attributes::parseTime);
        CorrelationId correlationId = optional(attributes, CORRELATIONID, CorrelationId::new);
        Protocol protocol = optional(attributes, PROTOCOL, Protocol::fromWireName);
        AdapterInstanceId adapter = optional(attributes, ADAPTER, AdapterInstanceId::new);
        CanonicalPayload payload = data.read(type);
        if (payload == null) {
            throw new ModelValidationException("data", "is required");
        }
        return new CanonicalEvent<>(id, tenant, device, time, correlationId, protocol, adapter, payload);
    }

    static String formatTime(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    private static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ModelValidationException("", "'" + text + "' is not an RFC 3339 timestamp", e);
        }
    }

    private static <T> T required(Source attributes, String name, Function<String, T> parse) {
        T value = optional(attributes, name, parse);
        if (value == null) {
            throw new ModelValidationException(name, "is required");
        }
        return value;
    }

    private static <T> T optional(Source attributes, String name, Function<String, T> parse) {
        String text = attributes.get(name);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (ModelValidationException e) {
            throw e.under(name);
        }
    }
}
