package io.chargeplane.model.envelope;

import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.Require;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EventId;
import io.chargeplane.model.id.TenantId;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope around one canonical payload: the unit that travels on MQTT and Kafka.
 *
 * <p>{@code source}, {@code type} and {@code subject} are derived, not stored: the source is always
 * {@code /tenants/{tenant}/devices/{device}}, the subject the device id and the type follows from the payload,
 * so an envelope cannot contradict itself. Commands and results carry their correlation id in the payload
 * too; the envelope takes it from there and refuses a different one.
 *
 * @param correlationId the {@code correlationid} extension; may be null for spontaneous events
 * @param protocol the {@code protocol} extension: what the device speaks; may be null (service-originated)
 * @param adapter the {@code adapter} extension: the instance that handled the device; may be null
 */
public record CanonicalEvent<T extends CanonicalPayload>(EventId id, TenantId tenant, DeviceId device, Instant time,
                                                          CorrelationId correlationId, Protocol protocol,
                                                          AdapterInstanceId adapter, T data) {

    public static final String SPEC_VERSION = "1.0";

    public CanonicalEvent {
        Require.present(id, "id");
        Require.present(tenant, "tenant");
        Require.present(device, "subject");
        Require.present(time, "time");
        Require.present(data, "data");
        CorrelationId carried = carriedCorrelation(data);
        if (carried != null) {
            if (correlationId != null && !correlationId.equals(carried)) {
                throw new ModelValidationException("correlationid",
                        "'" + correlationId + "' does not match data.correlationId '" + carried + "'");
            }
            correlationId = carried;
        }
    }

    private static CorrelationId carriedCorrelation(CanonicalPayload data) {
        if (data instanceof CommandRequest request) {
            return request.correlationId();
        }
        if (data instanceof CommandResult result) {
            return result.correlationId();
        }
        return null;
    }

    /** A fresh envelope (random id, current time) for a payload a producer has just created. */
    public static <T extends CanonicalPayload> Builder<T> builder(TenantId tenant, DeviceId device, T data) {
        return new Builder<>(tenant, device, data);
    }

    public String type() {
        return CanonicalTypes.typeOf(data);
    }

    public String source() {
        return sourceOf(tenant, device);
    }

    public String subject() {
        return device.value();
    }

    /** The Kafka record key that keeps each device's events in order: {@code tenant:deviceId}. */
    public String partitionKey() {
        return tenant.value() + ":" + device.value();
    }

    public static String sourceOf(TenantId tenant, DeviceId device) {
        return "/tenants/" + tenant.value() + "/devices/" + device.value();
    }

    /** The same envelope seen as a narrower payload type, or a {@code type:} error if the payload is another. */
    @SuppressWarnings("unchecked")
    public <U extends CanonicalPayload> CanonicalEvent<U> as(Class<U> payloadType) {
        if (!payloadType.isInstance(data)) {
            throw new ModelValidationException("type", "expected a " + payloadType.getSimpleName() + " but was " + type());
        }
        return (CanonicalEvent<U>) this;
    }

    /** Builds envelopes; id and time default to a random id and now. */
    public static final class Builder<T extends CanonicalPayload> {
        private final TenantId tenant;
        private final DeviceId device;
        private final T data;
        private EventId id;
        private Instant time;
        private CorrelationId correlationId;
        private Protocol protocol;
        private AdapterInstanceId adapter;

        private Builder(TenantId tenant, DeviceId device, T data) {
            this.tenant = tenant;
            this.device = device;
            this.data = data;
        }

        public Builder<T> id(EventId id) {
            this.id = id;
            return this;
        }

        public Builder<T> time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder<T> correlationId(CorrelationId correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        public Builder<T> protocol(Protocol protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder<T> adapter(AdapterInstanceId adapter) {
            this.adapter = adapter;
            return this;
        }

        public CanonicalEvent<T> build() {
            return new CanonicalEvent<>(id != null ? id : EventId.random(), tenant, device,
                    time != null ? time : Instant.now(), correlationId, protocol, adapter, data);
        }
    }
}
