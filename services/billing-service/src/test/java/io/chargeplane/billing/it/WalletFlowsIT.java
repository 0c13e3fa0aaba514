package io.chargeplane.billing.it;

import io.chargeplane.billing.payment.sandbox.SandboxSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.chargeplane.billing.it.Api.PROBLEM;
import static io.chargeplane.billing.it.Api.as;
import static io.chargeplane.billing.it.Api.change;
import static io.chargeplane.billing.it.Api.cny;
import static io.chargeplane.billing.it.Api.service;
import static io.chargeplane.billing.it.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Top-ups through the sandbox channel and the hold flows, against real PostgreSQL, Redis and Keycloak. After every
 * test the whole ledger is checked: entries balance, accounts sum to zero and match their entries.
 */
@QuarkusTest
@TestProfile(BillingServiceProfile.class)
class WalletFlowsIT {

    @Inject
    Pool pool;

    @ConfigProperty(name = "chargeplane.billing.sandbox.secret")
    String sandboxSecret;

    @AfterEach
    void ledgerSumsToZero() {
        LedgerInvariant.check(pool);
    }

    // --- top-ups ---

    @Test
    void topUpIsCreditedOnceEvenWhenTheNotificationArrivesManyTimes() throws Exception {
        long before = Api.available("acme-driver");
        // amounts ending in 77: the sandbox delivers the notification three times
        String paymentId = startTopUp("acme-driver", 5_077);
        awaitState("acme-driver", paymentId, "SUCCEEDED");
        Thread.sleep(1_000);   // let the repeats arrive
        String notification = notification(paymentId, "SUCCEEDED", 5_077);
        List<Integer> statuses = concurrently(6, () -> callback(notification, sign(notification)).statusCode());
        assertEquals(List.of(204, 204, 204, 204, 204, 204), statuses);

        assertEquals(before + 5_077, Api.available("acme-driver"));
        List<String> keys = as("acme-driver").get("/api/v1/wallet/entries?size=100").then().statusCode(200)
                .extract().path("items.businessKey");
        assertEquals(1, keys.stream().filter(k -> k.equals("topup:" + paymentId)).count());
    }

    @Test
    void forgedCallbackIsRefusedAndOnlyAVerifiedOneCredits() {
        long before = Api.available("acme-driver");
        String paymentId = startTopUp("acme-driver", 3_099);     // ending in 99: the sandbox never notifies
        String notification = notification(paymentId, "SUCCEEDED", 3_099);

        String foreign = new SandboxSignature("not-the-configured-secret").sign(Instant.now(), bytes(notification));
        callback(notification, foreign).then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
        callback(notification, null).then().statusCode(403).contentType(PROBLEM);
        String tampered = notification(paymentId, "SUCCEEDED", 300_099);
        callback(tampered, sign(notification)).then().statusCode(403);
        as("acme-driver").get("/api/v1/payments/" + paymentId).then().statusCode(200).body("state", equalTo("PENDING"));
        assertEquals(before, Api.available("acme-driver"));

        callback(notification, sign(notification)).then().statusCode(204);
        as("acme-driver").get("/api/v1/payments/" + paymentId).then().body("state", equalTo("SUCCEEDED"));
        assertEquals(before + 3_099, Api.available("acme-driver"));
    }

    @Test
    void notificationWithAnotherAmountThanThePaymentCreditsNothing() {
        long before = Api.available("acme-driver");
        String paymentId = startTopUp("acme-driver", 2_099);
        String wrongAmount = notification(paymentId, "SUCCEEDED", 9_999);
        callback(wrongAmount, sign(wrongAmount)).then().statusCode(204);
        as("acme-driver").get("/api/v1/payments/" + paymentId).then().body("state", equalTo("PENDING"));
        assertEquals(before, Api.available("acme-driver"));
    }

    @Test
    void declinedTopUpFailsAndCreditsNothing() {
        long before = Api.available("acme-driver");
        String paymentId = startTopUp("acme-driver", 1_013);     // ending in 13: declined
        awaitState("acme-driver", paymentId, "FAILED");
        as("acme-driver").get("/api/v1/payments/" + paymentId).then().body("failureReason", equalTo("card_declined"));
        assertEquals(before, Api.available("acme-driver"));
    }

    @Test
    void repeatedTopUpRequestWithTheSameKeyGetsTheFirstPayment() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amount", cny(1_099), "channel", "sandbox");
        String first = as("acme-driver").header("Idempotency-Key", key).body(body).post("/api/v1/wallet/top-ups")
                .then().statusCode(201).extract().path("id");
        as("acme-driver").header("Idempotency-Key", key).body(body).post("/api/v1/wallet/top-ups")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void topUpOnAnUnknownChannelOrWithABadAmountIsAValidationProblem() {
        change("acme-driver").body(Map.of("amount", cny(1_000), "channel", "cash")).post("/api/v1/wallet/top-ups")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("channel"));
        change("acme-driver").body(Map.of("amount", cny(-5), "channel", "sandbox")).post("/api/v1/wallet/top-ups")
                .then().statusCode(400).body("errors[0].field", equalTo("amount.minorUnits"));
    }

    @Test
    void anotherDriverCannotReadMyPayment() {
        String paymentId = startTopUp("acme-driver", 1_199);
        as("volt-driver").get("/api/v1/payments/" + paymentId).then().statusCode(404).body("code", equalTo("not_found"));
        as("acme-staff").get("/api/v1/payments/" + paymentId).then().statusCode(200);
        as("volt-staff").get("/api/v1/payments/" + paymentId).then().statusCode(404);
    }

    // --- holds ---

    @Test
    void holdThenCaptureChargesTheCostAndGivesTheRestBack() {
        String owner = fundedOwner(10_000);
        String hold = Api.holdOf("acme", owner, unique("s"), 3_000);
        assertWallet(owner, 7_000, 3_000);

        service("acme").body(Map.of("amount", cny(1_234))).post("/api/v1/holds/" + hold + "/capture")
                .then().statusCode(200).body("state", equalTo("CAPTURED")).body("captured.minorUnits", equalTo(1_234));
        assertWallet(owner, 8_766, 0);
        // a repeat with another key changes nothing; a release after the capture is refused
        service("acme").body(Map.of("amount", cny(1_234))).post("/api/v1/holds/" + hold + "/capture").then().statusCode(200);
        service("acme").body(Map.of("amount", cny(999))).post("/api/v1/holds/" + hold + "/capture")
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("conflict"));
        service("acme").post("/api/v1/holds/" + hold + "/release").then().statusCode(409);
        assertWallet(owner, 8_766, 0);
    }

    @Test
    void releaseGivesTheWholeHoldBackAndCannotBeCapturedAfterwards() {
        String owner = fundedOwner(5_000);
        String hold = Api.holdOf("acme", owner, unique("s"), 5_000);
        assertWallet(owner, 0, 5_000);
        service("acme").post("/api/v1/holds/" + hold + "/release").then().statusCode(200).body("state", equalTo("RELEASED"));
        service("acme").post("/api/v1/holds/" + hold + "/release").then().statusCode(200);
        service("acme").body(Map.of("amount", cny(1))).post("/api/v1/holds/" + hold + "/capture").then().statusCode(409);
        assertWallet(owner, 5_000, 0);
    }

    @Test
    void captureAboveTheHoldTakesTheExcessFromAvailableWithinTheCreditLimit() {
        String owner = fundedOwner(4_000);
        String hold = Api.holdOf("acme", owner, unique("s"), 3_000);
        service("acme").body(Map.of("amount", cny(4_001))).post("/api/v1/holds/" + hold + "/capture")
                .then().statusCode(422).body("code", equalTo("insufficient_funds"))
                .body("errors[0].message", equalTo("insufficient_funds"));
        assertWallet(owner, 1_000, 3_000);
        service("acme").body(Map.of("amount", cny(4_000))).post("/api/v1/holds/" + hold + "/capture").then().statusCode(200);
        assertWallet(owner, 0, 0);
    }

    @Test
    void holdBeyondTheFundsIsRefusedUnlessTheCreditLimitAllowsIt() {
        String owner = fundedOwner(1_000);
        service("acme").body(Map.of("sessionId", unique("s"), "owner", owner, "amount", cny(1_500)))
                .post("/api/v1/holds").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("insufficient_funds")).body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("insufficient_funds"));
        assertWallet(owner, 1_000, 0);

        change("acme-admin").body(Map.of("currency", "CNY", "limitMinorUnits", 500))
                .put("/api/v1/wallets/" + owner + "/credit-limit").then().statusCode(200)
                .body("spendable.minorUnits", equalTo(1_500));
        Api.holdOf("acme", owner, unique("s"), 1_500);
        assertWallet(owner, -500, 1_500);
        service("acme").body(Map.of("sessionId", unique("s"), "owner", owner, "amount", cny(1)))
                .post("/api/v1/holds").then().statusCode(422);
    }

    @Test
    void concurrentHoldsForOneSessionPostOnce() throws Exception {
        String owner = fundedOwner(10_000);
        String session = unique("s");
        List<String> ids = concurrently(8, () -> service("acme")
                .body(Map.of("sessionId", session, "owner", owner, "amount", cny(2_500)))
                .post("/api/v1/holds").then().statusCode(201).extract().<String>path("id"));
        assertEquals(1, ids.stream().distinct().count(), "one hold: " + ids);
        assertWallet(owner, 7_500, 2_500);
    }

    @Test
    void concurrentCapturesOfOneHoldPostOnce() throws Exception {
        String owner = fundedOwner(10_000);
        String hold = Api.holdOf("acme", owner, unique("s"), 4_000);
        List<Integer> statuses = concurrently(6, () -> service("acme").body(Map.of("amount", cny(3_000)))
                .post("/api/v1/holds/" + hold + "/capture").statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200), statuses);
        assertWallet(owner, 7_000, 0);
    }

    @Test
    void refundGivesCapturedMoneyBackOncePerReferenceAndNeverMoreThanCaptured() {
        String owner = fundedOwner(5_000);
        String hold = Api.holdOf("acme", owner, unique("s"), 5_000);
        service("acme").body(Map.of("amount", cny(4_000))).post("/api/v1/holds/" + hold + "/capture").then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            service("acme").body(Map.of("reference", "r1", "amount", cny(1_500))).post("/api/v1/holds/" + hold + "/refunds")
                    .then().statusCode(200).body("refunded.minorUnits", equalTo(1_500));
        }
        service("acme").body(Map.of("reference", "r2", "amount", cny(2_501))).post("/api/v1/holds/" + hold + "/refunds")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        assertWallet(owner, 2_500, 0);
    }

    @Test
    void negativeAdjustmentBeyondTheBalanceIsRefused() {
        String owner = fundedOwner(100);
        change("acme-admin").body(Map.of("reference", unique("a"), "reason", "correction", "amount", cny(-101)))
                .post("/api/v1/wallets/" + owner + "/adjustments").then().statusCode(422)
                .body("errors[0].message", equalTo("insufficient_funds"));
        assertWallet(owner, 100, 0);
    }

    @Test
    void trialBalanceIsBalancedForTheTenant() {
        fundedOwner(700);
        as("acme-staff").get("/api/v1/ledger/trial-balance").then().statusCode(200)
                .body("tenantId", org.hamcrest.Matchers.everyItem(equalTo("acme")))
                .body("balanced", org.hamcrest.Matchers.everyItem(equalTo(true)));
    }

    // --- helpers ---

    private static String fundedOwner(long minor) {
        String owner = unique("driver");
        change("acme-admin").body(Map.of("reference", unique("fund"), "reason", "test funds", "amount", cny(minor)))
                .post("/api/v1/wallets/" + owner + "/adjustments").then().statusCode(200)
                .body("available.minorUnits", equalTo((int) minor));
        return owner;
    }

    private static void assertWallet(String owner, long available, long held) {
        as("acme-staff").get("/api/v1/wallets/" + owner).then().statusCode(200)
                .body("available.minorUnits", equalTo((int) available)).body("held.minorUnits", equalTo((int) held));
    }

    private static String startTopUp(String driver, long minor) {
        return change(driver).body(Map.of("amount", cny(minor), "channel", "sandbox")).post("/api/v1/wallet/top-ups")
                .then().statusCode(201).body("state", equalTo("PENDING"))
                .body("channelData.checkoutUrl", notNullValue()).extract().path("id");
    }

    private static void awaitState(String driver, String paymentId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = as(driver).get("/api/v1/payments/" + paymentId).then().statusCode(200).extract().path("state");
            if (state.equals(last)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fail("payment " + paymentId + " is " + last + ", not " + state);
    }

    private static String notification(String paymentId, String outcome, long minor) {
        return "{\"id\":\"evt_test_" + paymentId + "\",\"paymentId\":\"sbx_test\",\"merchantReference\":\"" + paymentId
                + "\",\"outcome\":\"" + outcome + "\",\"amount\":" + minor + ",\"currency\":\"CNY\"}";
    }

    private String sign(String body) {
        return new SandboxSignature(sandboxSecret).sign(Instant.now(), bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static Response callback(String body, String signature) {
        var spec = given().contentType("application/json").body(bytes(body));
        if (signature != null) {
            spec = spec.header(SandboxSignature.HEADER, signature);
        }
        return spec.post("/api/v1/payments/callbacks/sandbox");
    }

    private static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
