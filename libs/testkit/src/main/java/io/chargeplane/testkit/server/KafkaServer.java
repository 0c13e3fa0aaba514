package io.chargeplane.testkit.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster in KRaft mode (one combined broker/controller) inside this JVM.
 * The log folders are formatted on every start: this engine serves tests and throw-away stacks, a
 * long-lived broker with kept logs belongs in its own process.
 */
public final class KafkaServer implements AutoCloseable {

    /**
     * @param dataDir  parent folder for the node's logs, or {@code null} for a temp folder deleted on stop;
     *                 it must not contain an earlier cluster (logs are formatted on start)
     * @param partitions default partition count of auto-created topics
     */
    public record Options(Path dataDir, int partitions) {
        public static Options defaults() {
            return new Options(null, 1);
        }

        public Options withDataDir(Path newDataDir) {
            return new Options(newDataDir, partitions);
        }
    }

    /**
     * How a view in another class loader reaches the node its owner runs: the owner registers this as a platform
     * MBean (invoked by name with JDK types, so class loaders do not matter).
     */
    public interface BrokerControl {
        void restartBroker(long downtimeMillis);
    }

    private final Options options;
    private DataDirectory home;
    private KafkaClusterTestKit cluster;
    private String bootstrapServers;
    private boolean attached;

    public KafkaServer(Options options) {
        this.options = options;
    }

    /** A view of a node another class loader of this JVM started; {@link #stop()} leaves it running. */
    static KafkaServer attach(Map<String, String> facts) {
        KafkaServer view = new KafkaServer(Options.defaults());
        view.bootstrapServers = facts.get("bootstrap-servers");
        view.attached = true;
        return view;
    }

    Map<String, String> facts() {
        return Map.of("bootstrap-servers", bootstrapServers());
    }

    public synchronized KafkaServer start() {
        if (cluster != null) {
            return this;
        }
        home = DataDirectory.of(options.dataDir(), "kafka");
        Path base = home.resolve("kraft");
        if (Files.exists(base)) {
            home = null;
            throw new IllegalStateException("Kafka logs already exist in " + base + "; pass an empty folder");
        }
        try {
            KafkaClusterTestKit started = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(base)
                    .build())
                    // Values as strings: the test kit passes them to Kafka's config parser untyped.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("num.partitions", Integer.toString(options.partitions()))
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setDeleteOnClose(home.temporary())
                    .build();
            cluster = started;
            started.format();
            started.startup();
            started.waitForReadyBrokers();
            bootstrapServers = started.bootstrapServers();
            registerControl(bootstrapServers);
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while Kafka was starting", e);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Kafka did not start", e);
        }
    }

    /** {@code host:port} list for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("Kafka is not running");
        }
        return bootstrapServers;
    }

    /** Minimal client properties (bootstrap servers) to start a producer, consumer or admin client from. */
    public Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /**
     * Stops the broker (the KRaft controller keeps running), keeps it down for {@code downtime}, and starts it
     * again on the same port with the same logs: what clients see when a broker restarts. Works on a view from
     * another class loader too. Blocks until the broker is ready again.
     */
    public void restartBroker(java.time.Duration downtime) {
        KafkaClusterTestKit owned;
        String servers;
        synchronized (this) {
            owned = cluster;
            servers = bootstrapServers();
        }
        if (owned == null) {
            try {
                java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(controlName(servers),
                        "restartBroker", new Object[] {downtime.toMillis()}, new String[] {"long"});
            } catch (javax.management.JMException e) {
                throw new IllegalStateException("no running Kafka node at " + servers + " to restart", e);
            }
            return;
        }
        try {
            for (kafka.server.BrokerServer broker : owned.brokers().values()) {
                broker.shutdown();
                broker.awaitShutdown();
            }
            Thread.sleep(downtime.toMillis());
            for (kafka.server.BrokerServer broker : owned.brokers().values()) {
                broker.startup();
            }
            owned.waitForReadyBrokers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not restart", e);
        }
    }

    private void registerControl(String servers) {
        try {
            BrokerControl control = millis -> restartBroker(java.time.Duration.ofMillis(millis));
            java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new javax.management.StandardMBean(control, BrokerControl.class), controlName(servers));
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("cannot register the broker control of " + servers, e);
        }
    }

    private static void unregisterControl(String servers) {
        try {
            java.lang.management.ManagementFactory.getPlatformMBeanServer().unregisterMBean(controlName(servers));
        } catch (javax.management.JMException e) {
            // not registered: nothing to undo
        }
    }

    private static javax.management.ObjectName controlName(String servers) throws javax.management.MalformedObjectNameException {
        return new javax.management.ObjectName("io.chargeplane.testkit:type=KafkaServer,bootstrap="
                + javax.management.ObjectName.quote(servers));
    }

    public synchronized boolean isRunning() {
        return cluster != null || attached;
    }

    /** Stops the node and deletes its temp folder; calling it again (or on a shared view) does nothing. */
    public synchronized void stop() {
        if (cluster == null && home == null) {
            return;
        }
        try {
            if (cluster != null) {
                unregisterControl(bootstrapServers);
                cluster.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not stop cleanly", e);
        } finally {
            cluster = null;
            bootstrapServers = null;
            if (home != null) {
                home.release();
                home = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
