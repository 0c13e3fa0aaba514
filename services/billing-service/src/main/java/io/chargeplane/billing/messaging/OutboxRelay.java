package io.chargeplane.billing.messaging;

import io.agroal.api.AgroalDataSource;
import io.chargeplane.billing.config.BillingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Sends the outbox to Kafka in id order: a batch is read with its rows locked ({@code skip locked}, so several
 * instances share the work), sent with {@code acks=all} by an idempotent producer, and marked published only
 * after every record of it was acknowledged. A crash between the acknowledgement and the mark sends the batch
 * again, so consumers de-duplicate on {@code ce_id}.
 *
 * <p>It runs on a thread of its own with JDBC on purpose: the loop blocks on the producer's acknowledgements and
 * on its poll interval, which must never happen on an event loop.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final BillingConfig config;
    private final String bootstrapServers;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(AgroalDataSource dataSource, BillingConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        if (!config.outbox().enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            while (running) {
                try {
                    if (relayBatch(producer) == 0) {
                        Thread.sleep(config.outbox().pollInterval().toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.warnf("Outbox batch not relayed yet, retrying: %s", e.toString());
                    try {
                        Thread.sleep(config.outbox().retryDelay().toMillis());
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Sends one batch; returns how many records it published. */
    int relayBatch(KafkaProducer<String, byte[]> producer) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("select id, topic, record_key, headers::text, payload from outbox "
                        + "where published_at is null order by id limit ? for update skip locked")) {
                    select.setInt(1, config.outbox().batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getBytes(5));
                            new JsonObject(rs.getString(4)).forEach(h -> record.headers()
                                    .add(h.getKey(), String.valueOf(h.getValue()).getBytes(StandardCharsets.UTF_8)));
                            sent.add(producer.send(record));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    return 0;
                }
                producer.flush();
                for (Future<RecordMetadata> ack : sent) {
                    ack.get();
                }
                try (PreparedStatement mark = c.prepareStatement("update outbox set published_at = now() where id = any(?)")) {
                    Array array = c.createArrayOf("bigint", ids.toArray());
                    mark.setArray(1, array);
                    mark.executeUpdate();
                }
                c.commit();
                return ids.size();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "billing-service-outbox");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
