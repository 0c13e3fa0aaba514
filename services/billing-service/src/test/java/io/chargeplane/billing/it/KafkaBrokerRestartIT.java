package io.chargeplane.billing.it;

import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka broker stops and starts again (same port, same logs) while billing-service works through a batch
 * of sessions: the consumer and the outbox relay reconnect, and the ledger ends identical to the same batch
 * billed with the broker up throughout.
 */
@QuarkusTest
@TestProfile(BillingServiceProfile.class)
class KafkaBrokerRestartIT {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    @AfterEach
    void ledgerSumsToZero() {
        LedgerInvariant.check(pool);
    }

    @Test
    void brokerRestartMidStreamLeavesTheLedgerIdenticalToTheUndisturbedRun() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Scenario calm = new Scenario("kcalm-" + run, run, 15);
        Scenario restarted = new Scenario("krestart-" + run, run, 15);
        calm.setUp(RestAssured.port);
        restarted.setUp(RestAssured.port);

        SessionEvents.sendAll(calm.undisturbed());
        await().atMost(Duration.ofSeconds(120)).until(() ->
                LedgerSnapshot.ratedCount(jdbcUrl, user, password, "kcalm-" + run) == calm.expectedRated());

        // the first half is being billed when the broker goes down; the second half is produced while it is down
        List<ChargingSessionChanged> events = restarted.undisturbed();
        SessionEvents.sendAll(events.subList(0, events.size() / 2));
        long seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen < 10 && System.nanoTime() < deadline) {
            BillingProcess.sleep(20);
            seen = LedgerSnapshot.ratedCount(jdbcUrl, user, password, "krestart-" + run);
        }
        assertTrue(seen > 0 && seen < restarted.expectedRated(), "mid-stream: " + seen + " rated when the broker stops");
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> SharedServices.kafka().restartBroker(Duration.ofSeconds(3)));
        SessionEvents.sendAll(events.subList(events.size() / 2, events.size()));
        restart.join();

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                LedgerSnapshot.ratedCount(jdbcUrl, user, password, "krestart-" + run) == restarted.expectedRated());
        LedgerSnapshot expected = LedgerSnapshot.of(jdbcUrl, user, password, "kcalm-" + run);
        LedgerSnapshot actual = LedgerSnapshot.of(jdbcUrl, user, password, "krestart-" + run);
        assertEquals(expected.receipts(), actual.receipts());
        assertEquals(expected.entries(), actual.entries());
        assertEquals(expected.balances(), actual.balances());
        // the relay got through too: the last session rated, after the restart, is on the topic
        String last = restarted.sessions().get(restarted.sessions().size() - 2).sessionId();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                SessionEvents.ratedRecords("krestart-" + run + ":" + last, Duration.ofSeconds(2)).size() >= 1);
    }
}
