package io.chargeplane.device.status;

import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.platform.messaging.DeviceEventRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Consumes {@code chargeplane.device-events.v1} (CloudEvents in Kafka binary mode). A record that cannot be read
 * is counted and skipped, because it will never become readable; a failing Redis or PostgreSQL is retried with
 * back-off and, if it stays down, fails the channel so the offset is not committed and readiness goes down.
 */
@ApplicationScoped
public class DeviceEventConsumer {

    private static final Logger LOG = Logger.getLogger(DeviceEventConsumer.class);

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final LiveStatusProcessor processor;
    private final MeterRegistry meters;

    public DeviceEventConsumer(LiveStatusProcessor processor, MeterRegistry meters) {
        this.processor = processor;
        this.meters = meters;
    }

    @Incoming("device-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        CanonicalEvent<DeviceEvent> event;
        try {
            event = DeviceEventRecords.read(codec, record);
        } catch (RuntimeException e) {
            meters.counter("chargeplane.device.status.events", "outcome", "malformed").increment();
            LOG.warnf("Unreadable record %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return processor.process(event)
                .onFailure().invoke(e -> LOG.warnf("Event %s not applied yet, retrying: %s", event.id(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(8);
    }
}
