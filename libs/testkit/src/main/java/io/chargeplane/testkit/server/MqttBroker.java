package io.chargeplane.testkit.server;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real MQTT 5 broker (HiveMQ Community Edition, embedded in this JVM) with one plain TCP listener on
 * 127.0.0.1. Supports MQTT 3.1.1 and 5, shared subscriptions, retained messages and request/response.
 */
public final class MqttBroker implements AutoCloseable {

    /**
     * QoS 1 publishes one client may have unacknowledged towards the broker (HiveMQ's default is 10). A bridge
     * carries thousands of devices over one client; at 10 the client makes its caller, an event loop, wait
     * whenever ten events wait for their PUBACK, which stalls every station on that loop.
     */
    public static final int SERVER_RECEIVE_MAXIMUM = 1_000;

    /**
     * @param port    listener port, 0 for a free one
     * @param dataDir folder whose sessions and retained messages survive restarts (local stack), or
     *                {@code null} for an in-memory broker whose temp folder is deleted on stop
     */
    public record Options(int port, Path dataDir, Duration startupTimeout) {
        public static Options defaults() {
            return new Options(0, null, Duration.ofSeconds(60));
        }

        public Options withPort(int newPort) {
            return new Options(newPort, dataDir, startupTimeout);
        }

        public Options withDataDir(Path newDataDir) {
            return new Options(port, newDataDir, startupTimeout);
        }
    }

    private final Options options;
    private DataDirectory home;
    private EmbeddedHiveMQ broker;
    private int port;
    private boolean attached;

    public MqttBroker(Options options) {
        this.options = options;
    }

    /** A view of a broker another class loader of this JVM started; {@link #stop()} leaves it running. */
    static MqttBroker attach(Map<String, String> facts) {
        MqttBroker view = new MqttBroker(Options.defaults());
        view.port = Integer.parseInt(facts.get("port"));
        view.attached = true;
        return view;
    }

    Map<String, String> facts() {
        return Map.of("port", Integer.toString(port()));
    }

    public synchronized MqttBroker start() {
        if (broker != null) {
            return this;
        }
        home = DataDirectory.of(options.dataDir(), "mqtt");
        port = Ports.resolve(options.port());
        try {
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), config(port, home.temporary()));
            broker = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(home.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                    // Logging stays with the host application's SLF4J binding; HiveMQ's own logback
                    // bootstrap would need the logback-classic jar that the kit excludes.
                    .withoutLoggingBootstrap()
                    .build();
            broker.start().get(options.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Cannot prepare the MQTT broker folder", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while the MQTT broker was starting", e);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("MQTT broker did not start on port " + port, e);
        }
    }

    private static String config(int port, boolean inMemory) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                    <mqtt>
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                </hivemq>
                """.formatted(port, Ports.LOOPBACK, inMemory ? "in-memory" : "file", SERVER_RECEIVE_MAXIMUM);
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public synchronized int port() {
        if (broker == null && !attached) {
            throw new IllegalStateException("MQTT broker is not running");
        }
        return port;
    }

    /** {@code tcp://127.0.0.1:port}, the form most MQTT clients take. */
    public String uri() {
        return "tcp://" + host() + ":" + port();
    }

    public synchronized boolean isRunning() {
        return broker != null || attached;
    }

    /** Stops the broker and deletes its temp folder; calling it again (or on a shared view) does nothing. */
    public synchronized void stop() {
        if (broker == null && home == null) {
            return;
        }
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("MQTT broker did not stop cleanly", e);
        } finally {
            broker = null;
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
