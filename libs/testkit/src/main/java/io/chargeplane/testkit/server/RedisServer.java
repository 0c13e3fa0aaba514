package io.chargeplane.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis 6.2 server (child process from the binary shipped in embedded-redis) on 127.0.0.1.
 * With a temp folder nothing is persisted; with a kept data folder the append-only file survives restarts.
 */
public final class RedisServer implements AutoCloseable {

    /**
     * @param port    TCP port, 0 for a free one
     * @param dataDir folder for the append-only file (local stack), or {@code null} for no persistence and a
     *                temp folder deleted on stop
     */
    public record Options(int port, Path dataDir) {
        public static Options defaults() {
            return new Options(0, null);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, dataDir);
        }

        public Options withDataDir(Path newDataDir) {
            return new Options(port, newDataDir);
        }
    }

    private final Options options;
    private DataDirectory home;
    private redis.embedded.RedisServer process;
    private int port;
    private Path binaryDir;
    private boolean attached;

    public RedisServer(Options options) {
        this.options = options;
    }

    /** A view of a server another class loader of this JVM started; {@link #stop()} leaves it running. */
    static RedisServer attach(Map<String, String> facts) {
        RedisServer view = new RedisServer(Options.defaults());
        view.port = Integer.parseInt(facts.get("port"));
        view.attached = true;
        return view;
    }

    Map<String, String> facts() {
        return Map.of("port", Integer.toString(port()));
    }

    public synchronized RedisServer start() {
        if (process != null) {
            return this;
        }
        home = DataDirectory.of(options.dataDir(), "redis");
        port = Ports.resolve(options.port());
        boolean persistent = !home.temporary();
        try {
            // The binary goes into a throw-away folder of ours instead of the library's JVM-lifetime temp dir.
            Path binaries = Files.createTempDirectory("chargeplane-redis-bin-");
            binaryDir = binaries;
            process = redis.embedded.RedisServer.newRedisServer()
                    .executableProvider(ExecutableProvider.newJarResourceProvider(binaries.toFile()))
                    .port(port)
                    .bind(Ports.LOOPBACK)
                    .setting("dir " + home.path())
                    .setting("save \"\"")
                    .setting("appendonly " + (persistent ? "yes" : "no"))
                    .setting("protected-mode yes")
                    .build();
            process.start();
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("Redis did not start on port " + port, e);
        }
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public synchronized int port() {
        if (process == null && !attached) {
            throw new IllegalStateException("Redis is not running");
        }
        return port;
    }

    /** {@code redis://127.0.0.1:port}, the form Quarkus' {@code quarkus.redis.hosts} takes. */
    public String uri() {
        return "redis://" + host() + ":" + port();
    }

    public synchronized boolean isRunning() {
        return process != null || attached;
    }

    /** Stops the server process and deletes its temp folders; calling it again (or on a shared view) does nothing. */
    public synchronized void stop() {
        try {
            if (process != null) {
                process.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop cleanly", e);
        } finally {
            process = null;
            DataDirectory.deleteRecursively(binaryDir);
            binaryDir = null;
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
