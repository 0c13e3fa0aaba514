package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.tools.loadgen.OcppDialect;
import io.chargeplane.tools.localstack.StackApi.Answer;
import io.chargeplane.tools.simulator.ConnectorState;
import io.chargeplane.tools.simulator.Fleet;
import io.chargeplane.tools.simulator.FleetSettings;
import io.chargeplane.tools.simulator.SessionLength;
import io.chargeplane.tools.simulator.StationSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The money path on the running stack, through public APIs only: an operator registers a site and an OCPP 1.6J
 * charger (device-service), gives the site a time-of-use tariff (billing-service) and funds the driver's wallet; the
 * driver starts a session by the connector's QR content (charging-service), the simulated charger gets
 * RemoteStartTransaction, meter values flow, the driver stops; the session's changes are published to Kafka
 * (read back through the charging API), billing rates the completed session from Kafka,
 * captures the hold and gives the rest back. The charger's clock is stepped across 10:00 in the tariff's zone, so
 * the energy on each side of the boundary, and with it the bill, is known to the mWh before the test runs.
 *
 * <p>The shared stack may carry other traffic of the same driver (the demo fleet bills acme-driver too), so money is
 * checked per session: the postings under the session's business keys, never a difference of two balance reads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoneyPathEndToEndIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String CNY = "CNY";
    /** 24 kW for 5 minutes of charger time is 2 kWh: 24,000 W × 300 s / 3,600 = 2,000 Wh exactly. */
    private static final double POWER_KW = 24;
    private static final long TWO_KWH_MWH = 2_000_000;
    /** charging-service's default pre-authorisation ({@code holds.default-amount}), in fen. */
    private static final long DEFAULT_HOLD = 5_000;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static RunningStack stack;
    private static StackApi devices;
    private static ServiceCalls operator;
    private static ServiceCalls driver;
    private static String identity;
    private static StepClock clock;
    private static Fleet fleet;
    private static LocalDate today;

    @BeforeAll
    static void operatorSetsUpASiteAChargerAndATariff() throws InterruptedException {
        stack = RunningStack.shared();
        Answer tenant = new StackApi(stack, "platform-admin").post("/api/v1/tenants", StackApi.tenant("acme"));
        assertTrue(tenant.status() == 201 || tenant.status() == 409, "tenant acme: " + tenant);
        devices = new StackApi(stack, "acme-admin");
        operator = new ServiceCalls(stack, "acme-admin");
        driver = new ServiceCalls(stack, "acme-driver");

        Answer site = devices.post("/api/v1/sites", StackApi.site("Money " + UUID.randomUUID().toString().substring(0, 8)));
        assertEquals(201, site.status(), site.body().toString());
        String siteId = site.body().get("id").asText();
        identity = "MP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Answer charger = devices.post("/api/v1/devices", StackApi.charger(siteId, identity, "ocpp1.6"));
        assertEquals(201, charger.status(), charger.body().toString());
        String secret = charger.body().path("credentials").path("secret").asText();
        assertTrue(secret.length() >= 16, "the registration must return the secret once: " + charger.body());

        today = LocalDate.now(ZONE);
        Answer tariff = operator.on("billing-service").post("/api/v1/tariffs", timeOfUseTariff(siteId));
        assertEquals(201, tariff.status(), tariff.body().toString());

        clock = new StepClock(at(9, 55, 0));
        fleet = Fleet.start(FleetSettings.builder().bridgeUrl(URI.create(stack.ocppUrl()))
                .stations(List.of(new StationSpec(identity, secret, OcppDialect.OCPP16, 1)))
                .arrivalsPerHour(0).powerKw(POWER_KW).meterInterval(Duration.ofMillis(500))
                .sessionLength(new SessionLength.Fixed(Duration.ofHours(2))).plugOutDelay(Duration.ofMillis(500))
                .clock(clock).seed(11).build());
        assertTrue(fleet.awaitBooted(SETTLE), "the charger's boot was not accepted: " + fleet.status());
        await(() -> devices.get("/api/v1/devices/" + charger.body().get("id").asText() + "/status"),
                view -> view.path("online").asBoolean(), "the charger online in device-service");
    }

    @AfterAll
    static void chargerLeaves() {
        if (fleet != null) {
            fleet.close();
        }
    }

    /**
     * Flat until 10:00 local, peak from 10:00 (slots are the 48 half hours of the local day); electricity and service
     * per kWh with four decimals, rounded HALF_UP once per line; a session fee of 1.00 CNY.
     */
    private static Map<String, Object> timeOfUseTariff(String siteId) {
        List<String> slots = new ArrayList<>();
        for (int slot = 0; slot < 48; slot++) {
            slots.add(slot < 20 ? "flat" : "peak");
        }
        Map<String, Object> version = Map.of(
                "validFrom", today.minusDays(7).atStartOfDay(ZONE).toInstant().toString(),
                "zone", ZONE.getId(), "currency", CNY, "rounding", "HALF_UP",
                "rates", List.of(
                        Map.of("code", "flat", "electricityPerKwh", "0.6543", "servicePerKwh", "0.3000"),
                        Map.of("code", "peak", "electricityPerKwh", "1.2468", "servicePerKwh", "0.4500")),
                "slotMaps", Map.of("WORKDAY", slots),
                "sessionFee", Map.of("minorUnits", 100, "currency", CNY));
        return Map.of("id", "money-" + siteId.replace("-", "").substring(0, 12), "name", "Money path TOU", "scope", Map.of("site", siteId),
                "versions", List.of(version));
    }

    @Test
    @Order(1)
    void aDriverWithAnEmptyWalletIsRefusedWithInsufficientFundsAndNoCommandReachesTheCharger() {
        // The driver's EUR wallet was never funded (the CNY one may be in use); the amount limit makes the hold EUR.
        JsonNode euroWallet = wallet("EUR");
        assertEquals(0, euroWallet.path("spendable").path("minorUnits").asLong(), "the EUR wallet must be empty: " + euroWallet);
        long remoteStartsBefore = fleet.status().remoteStarts();
        Map<String, Object> request = Map.of("station", identity, "evse", 1, "connector", 1,
                "limits", Map.of("amount", Map.of("minorUnits", 2_000, "currency", "EUR")));
        Answer refused = driver.on("charging-service").post("/api/v1/sessions", request);
        assertEquals(422, refused.status(), refused.body().toString());
        assertEquals("insufficient_funds", refused.body().path("code").asText(), refused.body().toString());
        // Nothing went to the charger: give a stray command the time it would take, then look.
        sleep(Duration.ofSeconds(2));
        assertEquals(remoteStartsBefore, fleet.status().remoteStarts(), "a start reached the charger: " + fleet.status());
        assertEquals(ConnectorState.AVAILABLE, fleet.view(identity).connector(1).state());
        JsonNode after = wallet("EUR");
        assertEquals(0, after.path("held").path("minorUnits").asLong(), "nothing may be held: " + after);
        assertEquals(0, after.path("available").path("minorUnits").asLong(), "nothing may be posted: " + after);
        assertLedgerBalanced();
    }

    @Test
    @Order(2)
    void appSessionAcrossTheTimeOfUseBoundaryIsDebitedExactlyTheTariffsAmountAndTheHoldIsReleased() {
        fund(10_000);
        clock.set(at(9, 55, 0));

        Answer created = driver.on("charging-service").post("/api/v1/sessions", qrContent());
        assertEquals(201, created.status(), created.body().toString());
        String id = created.body().path("id").asText();
        Set<String> states = new LinkedHashSet<>();
        states.add(created.body().path("state").asText());
        JsonNode active = awaitSession(id, s -> "ACTIVE".equals(s.path("state").asText()), states);
        assertEquals(1, fleet.status().remoteStarts(), "RemoteStartTransaction reached the charger once: " + fleet.status());
        assertEquals(at(9, 55, 0).toString(), Instant.parse(active.path("startedAt").asText()).toString());
        long meterStart = active.path("meterStartMwh").asLong();

        // The charger's clock crosses 10:00 and then 10:05; each step is 2 kWh on the register.
        clock.set(at(10, 0, 0));
        awaitSession(id, s -> hasReading(s, at(10, 0, 0), meterStart + TWO_KWH_MWH), states);
        clock.set(at(10, 5, 0));
        awaitSession(id, s -> hasReading(s, at(10, 5, 0), meterStart + 2 * TWO_KWH_MWH), states);

        Answer stopping = driver.on("charging-service").post("/api/v1/sessions/" + id + "/stop", Map.of());
        assertEquals(200, stopping.status(), stopping.body().toString());
        states.add(stopping.body().path("state").asText());
        JsonNode completed = awaitSession(id, s -> "COMPLETED".equals(s.path("state").asText()), states);
        assertEquals(List.of("STARTING", "ACTIVE", "STOPPING", "COMPLETED"), List.copyOf(states));
        // The same walk as charging-service published it to Kafka, every change acknowledged, in sequence.
        JsonNode events = await(() -> driver.on("charging-service").get("/api/v1/sessions/" + id + "/events"),
                list -> list.size() > 0 && "COMPLETED".equals(list.get(list.size() - 1).path("state").asText())
                        && allPublished(list), "every change of " + id + " published");
        List<String> walk = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).path("sequence").asLong(), events.toString());
            assertEquals(id + ":" + (i + 1), events.get(i).path("eventId").asText(), events.toString());
            String state = events.get(i).path("state").asText();
            if (walk.isEmpty() || !walk.getLast().equals(state)) {
                walk.add(state);
            }
        }
        assertEquals(List.of("STARTING", "ACTIVE", "STOPPING", "COMPLETED"), walk, events.toString());
        assertEquals(2 * TWO_KWH_MWH, completed.path("energyMwh").asLong(), completed.toString());
        assertEquals("DRIVER", completed.path("endCause").asText(), completed.toString());

        // Hand-computed, rounding each line HALF_UP to the fen:
        //   09:55-10:00 flat 2 kWh: electricity 2 × 0.6543 = 1.3086 → 1.31; service 2 × 0.3000 = 0.60
        //   10:00-10:05 peak 2 kWh: electricity 2 × 1.2468 = 2.4936 → 2.49; service 2 × 0.4500 = 0.90
        //   session fee 1.00
        //   total 1.31 + 0.60 + 2.49 + 0.90 + 1.00 = 6.30 CNY = 630 fen
        long expected = 131 + 60 + 249 + 90 + 100;
        JsonNode receipt = awaitReceipt(id);
        assertEquals(expected, receipt.path("total").path("minorUnits").asLong(), receipt.toString());
        assertEquals("PAID", receipt.path("paymentStatus").asText(), receipt.toString());
        assertEquals(expected, receipt.path("paid").path("minorUnits").asLong(), receipt.toString());
        assertEquals(4_000_000, receipt.path("energy").path("milliwattHours").asLong(receipt.path("energy").asLong()),
                receipt.toString());

        // The wallet's entries of this session: the hold took 50.00 from available, the capture took all of it
        // from held and gave back what the session did not cost. Net: available down by exactly the total, held
        // back where it was, and nothing else posted for the session (no release, no second debit).
        Map<String, Map<String, Long>> postings = walletPostingsOf(id);
        assertEquals(Map.of(
                "hold:" + id, Map.of("WALLET_AVAILABLE/DEBIT", DEFAULT_HOLD, "WALLET_HELD/CREDIT", DEFAULT_HOLD),
                "capture:" + id, Map.of("WALLET_HELD/DEBIT", DEFAULT_HOLD, "WALLET_AVAILABLE/CREDIT", DEFAULT_HOLD - expected)),
                postings);
        assertEquals(-expected, net(postings, "WALLET_AVAILABLE"), "available must go down by exactly the total");
        assertEquals(0, net(postings, "WALLET_HELD"), "the hold must leave nothing held");
        assertLedgerBalanced();
    }

    @Test
    @Order(3)
    void rfidSessionAtTheChargerIsDebitedFromTheOwnersWalletWithoutAHold() {
        fund(10_000);
        String uid = "RF" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        Answer token = operator.on("charging-service").post("/api/v1/tokens",
                Map.of("uid", uid, "type", "RFID", "owner", driver.subject()));
        assertEquals(201, token.status(), token.body().toString());
        awaitConnectorAvailable();

        clock.set(at(10, 10, 0));
        fleet.plugIn(identity, 1, uid);
        JsonNode active = await(() -> driver.on("charging-service").get("/api/v1/sessions?state=ACTIVE&device=" + identity),
                page -> page.path("items").size() == 1, "the card's session ACTIVE for its owner").path("items").get(0);
        String id = active.path("id").asText();
        assertEquals("LOCAL", active.path("origin").asText(), active.toString());
        assertEquals(driver.subject(), active.path("driver").asText(), active.toString());
        long meterStart = active.path("meterStartMwh").asLong();

        clock.set(at(10, 20, 0));
        awaitSession(id, s -> hasReading(s, at(10, 20, 0), meterStart + 2 * TWO_KWH_MWH), new LinkedHashSet<>());
        Answer stopping = driver.on("charging-service").post("/api/v1/sessions/" + id + "/stop", Map.of());
        assertEquals(200, stopping.status(), stopping.body().toString());
        awaitSession(id, s -> "COMPLETED".equals(s.path("state").asText()), new LinkedHashSet<>());

        // 10:10-10:20 all peak, 24 kW × 600 s = 4 kWh:
        //   electricity 4 × 1.2468 = 4.9872 → 4.99; service 4 × 0.4500 = 1.80; session fee 1.00
        //   total 4.99 + 1.80 + 1.00 = 7.79 CNY = 779 fen
        long expected = 499 + 180 + 100;
        JsonNode receipt = awaitReceipt(id);
        assertEquals(expected, receipt.path("total").path("minorUnits").asLong(), receipt.toString());
        assertEquals("PAID", receipt.path("paymentStatus").asText(), receipt.toString());
        assertEquals(Map.of("session:" + id, Map.of("WALLET_AVAILABLE/DEBIT", expected)), walletPostingsOf(id),
                "one debit of the total from available, no hold");
        assertLedgerBalanced();
    }

    private static Map<String, Object> qrContent() {
        return Map.of("station", identity, "evse", 1, "connector", 1);
    }

    private static Instant at(int hour, int minute, int second) {
        return today.atTime(LocalTime.of(hour, minute, second)).atZone(ZONE).toInstant();
    }

    private static JsonNode wallet(String currency) {
        Answer wallet = driver.on("billing-service").get("/api/v1/wallet?currency=" + currency);
        assertEquals(200, wallet.status(), wallet.body().toString());
        return wallet.body();
    }

    private static void fund(long minor) {
        Answer adjusted = operator.on("billing-service").post("/api/v1/wallets/" + driver.subject() + "/adjustments",
                Map.of("reference", "fund-" + UUID.randomUUID(), "amount", Map.of("minorUnits", minor, "currency", CNY),
                        "reason", "money path test funds"));
        assertTrue(adjusted.status() == 200 || adjusted.status() == 201, adjusted.toString());
    }

    /**
     * The driver's wallet entries of one session, by business key ({@code hold:}, {@code capture:}, {@code release:},
     * {@code session:} + id), each as account/side → amount. Reads every page: other sessions may post meanwhile.
     */
    private static Map<String, Map<String, Long>> walletPostingsOf(String sessionId) {
        Map<String, Map<String, Long>> found = new java.util.TreeMap<>();
        for (int page = 0; page < 1_000; page++) {
            Answer entries = driver.on("billing-service").get("/api/v1/wallet/entries?size=100&page=" + page);
            assertEquals(200, entries.status(), entries.body().toString());
            JsonNode items = entries.body().path("items");
            for (JsonNode entry : items) {
                String key = entry.path("businessKey").asText();
                if (key.endsWith(":" + sessionId)) {
                    found.computeIfAbsent(key, k -> new java.util.TreeMap<>()).merge(
                            entry.path("account").asText() + "/" + entry.path("side").asText(),
                            entry.path("amount").path("minorUnits").asLong(), Long::sum);
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        return found;
    }

    /** What the postings did to one account type of the wallet: credits minus debits. */
    private static long net(Map<String, Map<String, Long>> postings, String account) {
        long net = 0;
        for (Map<String, Long> posting : postings.values()) {
            net += posting.getOrDefault(account + "/CREDIT", 0L) - posting.getOrDefault(account + "/DEBIT", 0L);
        }
        return net;
    }

    /** Debits equal credits over every account of the tenant (wallets, clearing, revenue, refunds, adjustments). */
    private static void assertLedgerBalanced() {
        Answer trial = operator.on("billing-service").get("/api/v1/ledger/trial-balance");
        assertEquals(200, trial.status(), trial.body().toString());
        assertTrue(trial.body().size() > 0, "no ledger: " + trial.body());
        for (JsonNode perCurrency : trial.body()) {
            assertTrue(perCurrency.path("balanced").asBoolean(), perCurrency.toString());
            assertEquals(0, perCurrency.path("signedSum").asLong(), perCurrency.toString());
            assertEquals(perCurrency.path("debits").asLong(), perCurrency.path("credits").asLong(), perCurrency.toString());
            long signed = 0;
            for (JsonNode line : perCurrency.path("lines")) {
                signed += line.path("signedBalance").asLong();
            }
            assertEquals(0, signed, "account balances must add up to zero: " + perCurrency);
        }
    }

    private static boolean allPublished(JsonNode events) {
        for (JsonNode event : events) {
            if (event.path("publishedAt").isNull() || event.path("publishedAt").isMissingNode()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasReading(JsonNode session, Instant at, long registerMwh) {
        for (JsonNode reading : session.path("readings")) {
            if (Instant.parse(reading.path("at").asText()).equals(at) && reading.path("registerMwh").asLong() == registerMwh) {
                return true;
            }
        }
        return false;
    }

    /** Polls the driver's view of the session, noting every state it passes through, until {@code match}. */
    private static JsonNode awaitSession(String id, Predicate<JsonNode> match, Set<String> states) {
        return await(() -> {
            Answer answer = driver.on("charging-service").get("/api/v1/sessions/" + id);
            if (answer.status() == 200) {
                states.add(answer.body().path("state").asText());
            }
            return answer;
        }, match, "session " + id);
    }

    private static JsonNode awaitReceipt(String sessionId) {
        return await(() -> driver.on("billing-service").get("/api/v1/receipts/" + sessionId), r -> true,
                "the receipt of " + sessionId);
    }

    private static void awaitConnectorAvailable() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (fleet.view(identity).connector(1).state() != ConnectorState.AVAILABLE) {
            if (System.nanoTime() > deadline) {
                fail("connector not AVAILABLE: " + fleet.view(identity));
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static JsonNode await(Supplier<Answer> call, Predicate<JsonNode> match, String what) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (last.status() == 200 && match.test(last.body())) {
                return last.body();
            }
            sleep(Duration.ofMillis(100));
        }
        fail("not " + what + " within " + SETTLE.toSeconds() + " s; last answer: " + last);
        return null;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The charger's clock: stands at an instant the test sets, so charger time moves only when the test says. */
    static final class StepClock extends Clock {
        private volatile Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a step clock has one zone");
        }
    }
}
