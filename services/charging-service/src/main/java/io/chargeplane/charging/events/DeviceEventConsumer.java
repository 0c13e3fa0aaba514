package io.chargeplane.charging.events;

import io.chargeplane.charging.session.SessionEvents;
import io.chargeplane.charging.session.SessionService;
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
 * Device events from Kafka into sessions. The record is acknowledged (and its offset committed) only when the
 * returned Uni completes, i.e. after the session change and the processed-event row are committed; the follow-up
 * work (stop commands, hold releases, quotes) is started afterwards and never holds the partition back.
 */
@ApplicationScoped
public class DeviceEventConsumer {

    private static final Logger LOG = Logger.getLogger(DeviceEventConsumer.class);

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final SessionEvents events;
    private final SessionService service;
    private final MeterRegistry meters;

    public DeviceEventConsumer(SessionEvents events, SessionService service, MeterRegistry meters) {
        this.events = events;
        this.service = service;
        this.meters = meters;
    }

    @Incoming("device-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        CanonicalEvent<DeviceEvent> event;
        try {
            event = DeviceEventRecords.read(codec, record);
        } catch (RuntimeException e) {
            meters.counter("chargeplane.charging.events", "outcome", "malformed").increment();
            LOG.warnf("Unreadable record %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return events.apply(event)
                .onFailure().invoke(e -> LOG.warnf("Event %s not applied yet, retrying: %s", event.id(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(8)
                .invoke(changes -> {
                    meters.counter("chargeplane.charging.events", "outcome", changes.isEmpty() ? "unchanged" : "applied")
                            .increment();
                    if (!changes.isEmpty()) {
                        service.afterCommit(changes).subscribe().with(ok -> { }, f -> { });
                    }
                })
                .replaceWithVoid();
    }
}
