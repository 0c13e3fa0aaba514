package io.chargeplane.bridge.pump;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.pump.EventTranslator.Poison;
import io.chargeplane.bridge.pump.PumpMetrics.Outcome;
import io.chargeplane.bridge.pump.config.PumpConfig;
import io.chargeplane.bridge.pump.kafka.KafkaReachability;
import io.chargeplane.bridge.pump.kafka.ProducerSettings;
import io.chargeplane.bridge.pump.kafka.PumpRecords;
import io.chargeplane.bridge.pump.mqtt.PumpSession;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * Moves canonical device events from the MQTT bus into Kafka, at least once.
 *
 * <p>Every event is acknowledged to the broker only after Kafka acknowledged its record ({@code acks=all}), so
 * an event is either in Kafka or still in the broker's session for this pump. A pump that dies is redelivered
 * what it had not acknowledged when it comes back with the same client id; records that reached Kafka but whose
 * acknowledgement did not reach the broker appear twice (consumers de-duplicate on the CloudEvents id).
 *
 * <p>Events are handled in arrival order on one thread ({@code chargeplane-pump}), which is also the only
 * thread that hands records to the producer; the idempotent producer keeps each partition's records in that
 * order across retries. Blocking on that thread (waiting for topic metadata while Kafka is unreachable) is
 * deliberate: it is the backpressure. The broker holds back events beyond the receive maximum and keeps them.
 *
 * <p>A message that is not a valid canonical event goes to the dead-letter topic with the reason and is then
 * acknowledged, so one bad message never stops the stream.
 */
public final class EventPump {

    private static final Logger LOG = Logger.getLogger(EventPump.class);

    private final PumpSession session;
    private final Producer<String, byte[]> producer;
    private final KafkaReachability kafka;
    private final EventTranslator translator;
    private final PumpRecords records;
    private final PumpMetrics metrics;
    private final Duration retryBackoff;
    private final Duration drainTimeout;
    private final ScheduledExecutorService worker;
    /** Received from the bus, not yet acknowledged or given back. */
    private final AtomicInteger unacknowledged = new AtomicInteger();
    /** Handed to the producer, callback not yet run. */
    private final AtomicInteger sending = new AtomicInteger();
    /** Touched only on the worker thread. */
    private boolean metadataWaitLogged;
    private volatile boolean started;
    private volatile boolean stopping;

    /** One MQTT message on its way: the record may change once (event to dead letter), the publish does not. */
    private record Delivery(Mqtt5Publish publish, ProducerRecord<String, byte[]> record, Outcome success) {
    }

    EventPump(PumpSession session, Producer<String, byte[]> producer, KafkaReachability kafka,
              EventTranslator translator, PumpRecords records, MeterRegistry registry, Duration retryBackoff,
              Duration drainTimeout) {
        this.session = session;
        this.producer = producer;
        this.kafka = kafka;
        this.translator = translator;
        this.records = records;
        this.metrics = new PumpMetrics(registry, unacknowledged::get);
        this.retryBackoff = retryBackoff;
        this.drainTimeout = drainTimeout;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "chargeplane-pump");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.worker = executor;
    }

    /** A pump on the bus described by {@code mqtt}, configured by {@code config}; nothing connects yet. */
    public static EventPump create(BridgeConfig.Mqtt mqtt, PumpConfig config, MeterRegistry registry) {
        String clientId = clientId(config.clientId());
        PumpSession session = new PumpSession(mqtt, clientId, config.group(), config.sessionExpiry(),
                config.receiveMaximum());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.of(config.kafka(), clientId));
        return new EventPump(session, producer, new KafkaReachability(config.kafka(), clientId),
                new EventTranslator(CanonicalCodec.defaultCodec()),
                new PumpRecords(config.kafka().topic(), config.kafka().deadLetterTopic()),
                registry, config.retryBackoff(), config.drainTimeout());
    }

    /**
     * The configured id, else {@code pump-<host name>}: stable across restarts of a pod with a stable name
     * (StatefulSet), which is what lets a restarted pump resume its session.
     */
    static String clientId(Optional<String> configured) {
        return configured.filter(id -> !id.isBlank()).orElseGet(() -> "pump-" + hostName());
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
        }
        return host.replaceAll("[^A-Za-z0-9._:-]", "-");
    }

    /** Connects in the background; {@link #isReady} tells when events flow. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        LOG.infof("Event pump %s starting: %s -> Kafka", session.clientId(), session.filter());
        // Counted on arrival, on the client's thread, so the gauge includes events queued for the worker.
        session.onEvent(publish -> {
            unacknowledged.incrementAndGet();
            try {
                worker.execute(() -> onEvent(publish));
            } catch (RejectedExecutionException stopped) {
                giveBack();
            }
        }, Runnable::run);
        session.connect();
    }

    public boolean isStarted() {
        return started && !stopping;
    }

    public boolean isSubscribed() {
        return session.isSubscribed();
    }

    /** Whether Kafka answered within {@code timeout}; never fails. */
    public CompletionStage<Boolean> kafkaReachable(Duration timeout) {
        return kafka.check(timeout);
    }

    /** Events received and not yet acknowledged to the broker. */
    public int inFlight() {
        return unacknowledged.get();
    }

    public String clientId() {
        return session.clientId();
    }

    public PumpMetrics metrics() {
        return metrics;
    }

    /**
     * Stops taking events, waits up to the drain timeout for records already handed to Kafka (acknowledging
     * them), then disconnects normally so the broker keeps the session. Events that arrive meanwhile stay
     * unacknowledged and are delivered again to this client id, or to the group once the session expires.
     */
    public synchronized void stop() {
        if (!started || stopping) {
            return;
        }
        stopping = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (sending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (sending.get() > 0) {
            LOG.warnf("Event pump %s stops with %d Kafka sends unconfirmed; the broker will deliver them again",
                    session.clientId(), sending.get());
        }
        try {
            session.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Event pump %s did not disconnect cleanly: %s", session.clientId(), e.getMessage());
        }
        worker.shutdownNow();
        producer.close(Duration.ofSeconds(5));
        kafka.close();
        LOG.infof("Event pump %s stopped: %.0f delivered, %.0f dead-lettered, %.0f given back for redelivery",
                session.clientId(), metrics.count("delivered"), metrics.count("dead_lettered"),
                metrics.count("returned"));
    }

    // On the worker thread, in arrival order.
    private void onEvent(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        byte[] payload = publish.getPayloadAsBytes();
        EventTranslator.Outcome outcome = translator.translate(topic, payload);
        if (outcome instanceof Poison poison) {
            LOG.warnf("Dead-lettering a message on %s: %s", topic, poison.reason());
        }
        send(new Delivery(publish, records.record(outcome, topic, payload),
                outcome instanceof Poison ? Outcome.DEAD_LETTERED : Outcome.DELIVERED));
    }

    // On the worker thread.
    private void send(Delivery delivery) {
        while (true) {
            if (stopping || !awaitMetadata(delivery.record().topic())) {
                giveBack();
                return;
            }
            Exception refused = trySend(delivery);
            if (refused == null) {
                return;
            }
            // The producer refused the record before taking it (metadata gone again while Kafka is away). Trying
            // again here, before the next event, keeps the events in order.
            metrics.count(Outcome.RETRIED);
            LOG.warnf("Kafka did not take the event on %s, trying again: %s", delivery.publish().getTopic(), refused);
        }
    }

    /**
     * Hands the record to the producer. Returns the error when the producer refused it on this thread for a
     * reason a retry can cure (the callback then runs synchronously, from inside {@code send}); every other
     * outcome arrives through {@link #completed}.
     */
    private Exception trySend(Delivery delivery) {
        Thread caller = Thread.currentThread();
        Exception[] refused = new Exception[1];
        sending.incrementAndGet();
        try {
            producer.send(delivery.record(), (metadata, error) -> {
                if (error instanceof RetriableException && Thread.currentThread() == caller) {
                    sending.decrementAndGet();
                    refused[0] = error;
                } else {
                    completed(delivery, error);
                }
            });
        } catch (RuntimeException e) {
            completed(delivery, e);
        }
        return refused[0];
    }

    /**
     * Waits for the topic's metadata while Kafka is unreachable. This is where a pump started during a Kafka
     * outage holds still: the events behind it wait in order instead of failing one by one and being retried
     * out of order.
     */
    private boolean awaitMetadata(String topic) {
        while (!stopping) {
            try {
                // Answers from the producer's cache while it has the topic; blocks up to max-block when not.
                producer.partitionsFor(topic);
                if (metadataWaitLogged) {
                    metadataWaitLogged = false;
                    LOG.infof("Kafka serves %s again; events flow", topic);
                }
                return true;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Once per outage: the retries every max-block after it are noise.
                if (!metadataWaitLogged) {
                    metadataWaitLogged = true;
                    LOG.warnf("Kafka has no metadata for %s (unreachable or topic missing); holding events", topic);
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return false;
                }
                LOG.warnf("Cannot get Kafka metadata for %s: %s", topic, e.getMessage());
                sleep(retryBackoff);
            }
        }
        return false;
    }

    // On a producer thread (or the worker thread when send() threw).
    private void completed(Delivery delivery, Exception error) {
        sending.decrementAndGet();
        if (error == null) {
            delivery.publish().acknowledge();
            unacknowledged.decrementAndGet();
            metrics.count(delivery.success());
            return;
        }
        if (isRecordsOwnFault(error) && !records.isDeadLetter(delivery.record())) {
            LOG.warnf("Kafka refused the event on %s, dead-lettering it: %s", delivery.publish().getTopic(), error);
            ProducerRecord<String, byte[]> dead = records.deadLetter(delivery.record().key(), "kafka: " + error,
                    delivery.publish().getTopic().toString(), delivery.publish().getPayloadAsBytes());
            resubmit(new Delivery(delivery.publish(), dead, Outcome.DEAD_LETTERED), Duration.ZERO);
            return;
        }
        metrics.count(Outcome.RETRIED);
        LOG.warnf("Kafka send to %s failed, trying again in %s: %s", delivery.record().topic(), retryBackoff, error);
        resubmit(delivery, retryBackoff);
    }

    private void resubmit(Delivery delivery, Duration delay) {
        try {
            worker.schedule(() -> send(delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            giveBack();
        }
    }

    /** The event stays unacknowledged: the broker delivers it again on this pump's next session. */
    private void giveBack() {
        unacknowledged.decrementAndGet();
        metrics.count(Outcome.RETURNED);
    }

    /** Errors no retry can cure because they are about this record, not about Kafka's state. */
    static boolean isRecordsOwnFault(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof InvalidRecordException
                || error instanceof SerializationException;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
