package io.chargeplane.charging.outbox;

import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.model.session.SessionTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to {@value SessionTopics#SESSIONS} in id order and marks them sent: at least once (a crash
 * between the send and the mark sends the rows again; consumers de-duplicate on the event id), in order per session
 * (one relay at a time across instances, under a PostgreSQL advisory lock; an idempotent producer with acks=all
 * keeps the order of one batch on the broker).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every instance: "outbox" in ASCII. */
    private static final long LOCK = 0x6f7574626f78L;

    private final Pool pool;
    private final Vertx vertx;
    private final ChargingConfig.Outbox config;
    private final String bootstrap;
    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaProducer<String, byte[]> producer;
    private long timer = -1;

    public OutboxRelay(Pool pool, Vertx vertx, ChargingConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config.outbox();
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "charging-service-outbox"), new StringSerializer(), new ByteArraySerializer());
        timer = vertx.setPeriodic(config.pollEvery().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        relayOnce().subscribe().with(count -> running.set(false), failure -> {
            running.set(false);
            LOG.warnf("Outbox relay pass failed, retrying: %s", failure.toString());
        });
    }

    /** One pass: under the lock, send the oldest unsent rows, wait for every ack, mark them sent. */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(c -> c.preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(LOCK))
                .flatMap(locked -> {
                    if (!locked.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(0);
                    }
                    return c.preparedQuery("select id, session_id, tenant_id, event_id, type, payload, created_at"
                                    + " from outbox where sent_at is null order by id limit $1")
                            .execute(Tuple.of(config.batchSize()))
                            .flatMap(rows -> {
                                List<Row> batch = new ArrayList<>();
                                rows.forEach(batch::add);
                                if (batch.isEmpty()) {
                                    return Uni.createFrom().item(0);
                                }
                                return send(batch).flatMap(ignored -> c.preparedQuery(
                                                "update outbox set sent_at = now() where id = any($1)")
                                        .execute(Tuple.of(batch.stream().map(r -> r.getLong("id")).toArray(Long[]::new)))
                                        .replaceWith(batch.size()));
                            });
                }));
    }

    private Uni<Void> send(List<Row> batch) {
        // send() may block while it fetches metadata: never on an event loop.
        return Uni.createFrom().item(() -> sendAll(batch))
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .flatMap(all -> Uni.createFrom().completionStage(all)).replaceWithVoid();
    }

    private CompletableFuture<Void> sendAll(List<Row> batch) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Row row : batch) {
            CompletableFuture<Object> ack = new CompletableFuture<>();
            producer.send(record(row), (metadata, failure) -> {
                if (failure != null) {
                    ack.completeExceptionally(failure);
                } else {
                    ack.complete(metadata);
                }
            });
            acks.add(ack);
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    private static ProducerRecord<String, byte[]> record(Row row) {
        String sessionId = row.getString("session_id");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(SessionTopics.SESSIONS,
                row.getString("tenant_id") + ":" + sessionId, row.getBuffer("payload").getBytes());
        Instant created = row.getOffsetDateTime("created_at").toInstant();
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.getString("event_id"));
        header(record, "ce_source", SessionTopics.SOURCE);
        header(record, "ce_type", row.getString("type"));
        header(record, "ce_subject", sessionId);
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(created.atOffset(ZoneOffset.UTC)));
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
