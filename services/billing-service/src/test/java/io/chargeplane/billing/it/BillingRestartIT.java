package io.chargeplane.billing.it;

import io.chargeplane.model.session.ChargingSessionChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A billing-service process killed with SIGKILL while it works through a batch of sessions, then started again,
 * ends with the same ledger as an undisturbed instance. The undisturbed run is this test's own Quarkus
 * application (consumer group billing-service, its database); the disturbed one is the packaged application in
 * a child process with a database and consumer group of its own, reading the same records.
 */
@QuarkusTest
@TestProfile(BillingServiceProfile.class)
class BillingRestartIT {

    @Test
    void killedMidStreamAndRestartedTheLedgerIsIdenticalToTheUndisturbedRun() throws Exception {
        Config config = ConfigProvider.getConfig();
        String jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String database = "billing_child_" + run.replace('-', '_');
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        String childJdbc = withDatabase(jdbcUrl, database);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", childJdbc);
        settings.put("quarkus.datasource.reactive.url", withDatabase(config.getValue("quarkus.datasource.reactive.url", String.class), database));
        settings.put("quarkus.datasource.username", user);
        settings.put("quarkus.datasource.password", password);
        settings.put("kafka.bootstrap.servers", config.getValue("kafka.bootstrap.servers", String.class));
        settings.put("quarkus.redis.hosts", config.getValue("quarkus.redis.hosts", String.class));
        settings.put("quarkus.oidc.auth-server-url", config.getValue("quarkus.oidc.auth-server-url", String.class));
        settings.put("mp.messaging.incoming.charging-sessions.group.id", "billing-child-" + run);
        // a killed member says no goodbye: the broker notices after the session timeout (its minimum)
        settings.put("mp.messaging.incoming.charging-sessions.session.timeout.ms", "6000");
        settings.put("mp.messaging.incoming.charging-sessions.heartbeat.interval.ms", "1000");
        settings.put("chargeplane.billing.outbox.enabled", "false");

        String tenant = "restart-" + run;
        Scenario scenario = new Scenario(tenant, run, 15);
        Path log = Path.of("target", "billing-child-" + run + ".log");
        try (BillingProcess child = new BillingProcess(settings, log).start()) {
            scenario.setUp(RestAssured.port);
            scenario.setUp(child.port());
            // The first half of the stream goes out now, the second only once the child is dead: so the kill
            // always falls mid-stream, however fast the child rates on a quiet machine.
            List<ChargingSessionChanged> stream = scenario.undisturbed();
            int half = stream.size() / 2;
            SessionEvents.sendAll(stream.subList(0, half));

            long seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen < 10 && System.nanoTime() < deadline) {
                BillingProcess.sleep(20);
                seen = LedgerSnapshot.ratedCount(childJdbc, user, password, tenant);
            }
            child.kill();
            long atKill = LedgerSnapshot.ratedCount(childJdbc, user, password, tenant);
            assertTrue(atKill > 0 && atKill < scenario.expectedRated(),
                    "killed mid-stream: " + atKill + " of " + scenario.expectedRated() + " rated");
            SessionEvents.sendAll(stream.subList(half, stream.size()));

            child.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    LedgerSnapshot.ratedCount(childJdbc, user, password, tenant) == scenario.expectedRated()
                            && LedgerSnapshot.ratedCount(jdbcUrl, user, password, tenant) == scenario.expectedRated());
        }
        LedgerSnapshot undisturbed = LedgerSnapshot.of(jdbcUrl, user, password, tenant);
        LedgerSnapshot restarted = LedgerSnapshot.of(childJdbc, user, password, tenant);
        assertEquals(undisturbed.receipts(), restarted.receipts());
        assertEquals(undisturbed.entries(), restarted.entries());
        assertEquals(undisturbed.balances(), restarted.balances());
    }

    private static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }
}
