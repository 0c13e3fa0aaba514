package io.chargeplane.billing.messaging;

import io.chargeplane.billing.service.SessionBilling;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Consumes {@code chargeplane.charging-sessions.v1} in consumer group {@code billing-service}. The offset is
 * committed only after {@link SessionBilling} committed its transaction (the message is acknowledged when the
 * returned Uni completes), so a crash before that replays the record and the per-session row makes the replay
 * harmless. A record that can never be read or rated (bad JSON, readings the model refuses) is counted and
 * skipped; anything else (the database away) is retried with back-off and then fails the channel, so the record
 * is neither lost nor skipped: readiness goes down and the next start reads it again.
 */
@ApplicationScoped
public class SessionConsumer {

    private static final Logger LOG = Logger.getLogger(SessionConsumer.class);

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final SessionBilling billing;
    private final MeterRegistry metrics;

    public SessionConsumer(SessionBilling billing, MeterRegistry metrics) {
        this.billing = billing;
        this.metrics = metrics;
    }

    @Incoming("charging-sessions")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        ChargingSessionChanged event;
        try {
            event = codec.readJson(record.value() == null ? new byte[0] : record.value(), ChargingSessionChanged.class);
        } catch (RuntimeException e) {
            return skip(record, e);
        }
        return billing.apply(event)
                .replaceWithVoid()
                .onFailure(IllegalArgumentException.class).recoverWithUni(e -> skip(record, e))
                .onFailure().invoke(e -> LOG.warnf("Session event %s not billed yet, retrying: %s", event.eventId(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(30);
    }

    private Uni<Void> skip(ConsumerRecord<String, byte[]> record, Throwable e) {
        metrics.counter("chargeplane.billing.session-events", "outcome", "rejected").increment();
        LOG.errorf("Session record %s-%d@%d cannot be billed and is skipped: %s", record.topic(), record.partition(),
                record.offset(), e.getMessage());
        return Uni.createFrom().voidItem();
    }
}
