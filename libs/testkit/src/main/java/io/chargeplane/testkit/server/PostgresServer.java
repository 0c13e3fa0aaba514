package io.chargeplane.testkit.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A real PostgreSQL 17 server from the embedded binaries, bound to 127.0.0.1 with trust authentication.
 * Binaries are extracted into the server's own folder, so nothing is left in the system temp folder after
 * {@link #stop()}.
 */
public final class PostgresServer implements AutoCloseable {

    /**
     * @param port     TCP port, 0 for a free one
     * @param dataDir  folder kept across starts (local stack), or {@code null} for a temp folder deleted on stop
     * @param startupTimeout how long to wait for the server to accept connections
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

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    private final Options options;
    private DataDirectory home;
    private DataDirectory binaries;
    private EmbeddedPostgres postgres;
    private int port;
    private Path attachedDataDir;

    public PostgresServer(Options options) {
        this.options = options;
    }

    /** A view of a server another class loader of this JVM started; {@link #stop()} leaves it running. */
    static PostgresServer attach(Map<String, String> facts) {
        PostgresServer view = new PostgresServer(Options.defaults());
        view.port = Integer.parseInt(facts.get("port"));
        view.attachedDataDir = Path.of(facts.get("data-dir"));
        return view;
    }

    Map<String, String> facts() {
        return Map.of("port", Integer.toString(port()), "data-dir", dataDir().toString());
    }

    public synchronized PostgresServer start() {
        if (postgres != null) {
            return this;
        }
        home = DataDirectory.of(options.dataDir(), "postgres");
        binaries = home.temporary() ? home : DataDirectory.of(null, "postgres-bin");
        Path libraryDefault = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        boolean defaultExisted = Files.exists(libraryDefault);
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(options.port())
                    .setOverrideWorkingDirectory(binaries.resolve("bin").toFile())
                    .setDataDirectory(home.resolve("data"))
                    .setCleanDataDirectory(home.temporary())
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(options.startupTimeout())
                    .start();
            port = postgres.getPort();
            return this;
        } catch (IOException e) {
            releaseFolders();
            throw new UncheckedIOException("PostgreSQL did not start", e);
        } finally {
            // The library's builder creates its default working folder even when told to use another one.
            if (!defaultExisted) {
                deleteIfEmpty(libraryDefault);
            }
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: someone else uses it now
        }
    }

    public synchronized int port() {
        if (postgres == null && attachedDataDir == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return port;
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public String username() {
        return USERNAME;
    }

    /** Authentication is trust on loopback; the password is only there for clients that insist on one. */
    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** URL in the form the Vert.x reactive PostgreSQL client (Hibernate Reactive) expects. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String reactiveUrl() {
        return reactiveUrl(DATABASE);
    }

    /** Opens a JDBC connection to the given database as the superuser. */
    public Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USERNAME);
        credentials.setProperty("password", PASSWORD);
        // The driver directly, not DriverManager: it only sees drivers of the caller's class loader.
        return new org.postgresql.Driver().connect(jdbcUrl(database), credentials);
    }

    /** Creates a database unless it exists, so several services can share one server with separate schemas. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = connect(DATABASE); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    public synchronized Path dataDir() {
        return attachedDataDir != null ? attachedDataDir : home.path();
    }

    public synchronized boolean isRunning() {
        return postgres != null || attachedDataDir != null;
    }

    /** Stops the server and deletes its temp folders; calling it again (or on a shared view) does nothing. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
            releaseFolders();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void releaseFolders() {
        if (binaries != null && binaries != home) {
            binaries.release();
        }
        if (home != null) {
            home.release();
        }
    }

}
