package io.chargeplane.bridge.pump.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A KRaft node of this test's own (not the JVM's shared one, which other tests keep using) whose broker can be
 * shut down and started again on the same port with its logs kept. The shared kit's {@code KafkaServer} cannot:
 * it hides the cluster and formats its logs on every start. Here the broker half of the combined node is
 * restarted ({@code BrokerServer.shutdown()}/{@code startup()}); the test kit's socket factory rebinds the same
 * port once the pre-bound socket is closed, and the controller half keeps the metadata.
 */
final class RestartableKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Path base;

    RestartableKafka() throws Exception {
        base = Files.createTempDirectory("pump-kafka-");
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(base.resolve("kraft"))
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setDeleteOnClose(true)
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    void stopBroker() {
        cluster.brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    void startBroker() throws Exception {
        cluster.brokers().values().forEach(broker -> broker.startup());
        cluster.waitForReadyBrokers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
