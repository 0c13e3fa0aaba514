package io.chargeplane.testkit.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The plain starters leave nothing behind: no listening port, no child process, no folder. */
class StartersCleanUpIT {

    @Test
    void postgresStopReleasesPortAndDeletesItsFolder() throws Exception {
        PostgresServer postgres = new PostgresServer(PostgresServer.Options.defaults()).start();
        int port = postgres.port();
        Path dir = postgres.dataDir();
        try (Connection connection = postgres.connect("postgres")) {
            ResultSet one = connection.createStatement().executeQuery("SELECT 1");
            assertTrue(one.next());
        }
        postgres.stop();
        postgres.stop();
        assertFalse(Ports.isListening(port), "port " + port + " still open");
        assertFalse(Files.exists(dir), dir + " still exists");
    }

    @Test
    void redisStopKillsTheServerProcess() {
        RedisServer redis = new RedisServer(RedisServer.Options.defaults()).start();
        int port = redis.port();
        assertTrue(Ports.isListening(port));
        long childrenBefore = ProcessHandle.current().children().count();
        redis.stop();
        redis.stop();
        assertFalse(Ports.isListening(port), "port " + port + " still open");
        assertTrue(ProcessHandle.current().children().count() < childrenBefore, "redis-server still a child of this JVM");
    }

    @Test
    void mqttBrokerCanBeRestartedOnTheSamePort() {
        MqttBroker broker = new MqttBroker(MqttBroker.Options.defaults()).start();
        int port = broker.port();
        broker.stop();
        assertFalse(Ports.isListening(port));
        MqttBroker again = new MqttBroker(MqttBroker.Options.defaults().withPort(port)).start();
        try {
            assertTrue(Ports.isListening(port));
        } finally {
            again.stop();
        }
    }
}
