package io.chargeplane.bridge.pump.kafka;

import io.chargeplane.bridge.pump.config.PumpConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Asks the cluster for its id, without blocking: the readiness check's view of Kafka. */
public final class KafkaReachability implements AutoCloseable {

    private final Admin admin;

    public KafkaReachability(PumpConfig.Kafka config, String clientId) {
        Map<String, Object> props = new HashMap<>();
        // Connection settings only (security, TLS, SASL); the producer's tuning means nothing to an admin client.
        config.producer().forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-probe");
        this.admin = Admin.create(props);
    }

    /** Completes with true when the cluster answered within {@code timeout}, false otherwise; never fails. */
    public CompletionStage<Boolean> check(Duration timeout) {
        return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .clusterId().toCompletionStage()
                .handle((clusterId, failure) -> failure == null && clusterId != null);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
