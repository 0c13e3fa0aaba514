package io.chargeplane.billing.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The same batch of sessions in two tenants: once as charging-service publishes it, once with duplicates, second
 * completions under new event ids and earlier states arriving after the end. The two ledgers (entries by business
 * key, balances, receipts) must be identical.
 */
@QuarkusTest
@TestProfile(BillingServiceProfile.class)
class DuplicateAndReorderedSessionsIT {

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
    void duplicatesAndReorderedEventsLeaveTheLedgerIdenticalToTheUndisturbedRun() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Scenario calm = new Scenario("calm-" + run, run, 3);
        Scenario noisy = new Scenario("noisy-" + run, run, 3);
        calm.setUp(RestAssured.port);
        noisy.setUp(RestAssured.port);

        SessionEvents.sendAll(calm.undisturbed());
        SessionEvents.sendAll(noisy.disturbed());
        // one partition, consumed in order: once the last noisy session is rated, every copy before it was seen
        await().atMost(Duration.ofSeconds(60)).until(() -> LedgerSnapshot.ratedCount(jdbcUrl, user, password, "calm-" + run)
                == calm.expectedRated() && LedgerSnapshot.ratedCount(jdbcUrl, user, password, "noisy-" + run) == noisy.expectedRated());
        SessionEvents.sendAll(noisy.disturbed().subList(0, 14));

        LedgerSnapshot expected = LedgerSnapshot.of(jdbcUrl, user, password, "calm-" + run);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        LedgerSnapshot actual = LedgerSnapshot.of(jdbcUrl, user, password, "noisy-" + run);
        assertFalse(expected.entries().isEmpty());
        assertEquals(expected.receipts(), actual.receipts());
        assertEquals(expected.entries(), actual.entries());
        assertEquals(expected.balances(), actual.balances());
    }
}
