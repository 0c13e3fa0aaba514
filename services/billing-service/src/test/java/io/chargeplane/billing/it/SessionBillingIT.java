package io.chargeplane.billing.it;

import io.chargeplane.billing.api.SessionRated;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.SessionState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.chargeplane.billing.it.Api.PROBLEM;
import static io.chargeplane.billing.it.Api.as;
import static io.chargeplane.billing.it.Api.change;
import static io.chargeplane.billing.it.Api.service;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tariff management, preview and quote over HTTP, and a completed session from Kafka billed end to end, against
 * real PostgreSQL, Kafka, Redis and Keycloak. Every figure is worked out by hand from the fixture tariff
 * ({@link Tariffs}): a workday session 07:30–08:30 Shanghai time with 20 kWh at constant power is 10 kWh valley
 * (3.00 + 2.00) and 10 kWh peak (10.00 + 6.00) plus the 1.00 session fee = 22.00 CNY.
 */
@QuarkusTest
@TestProfile(BillingServiceProfile.class)
class SessionBillingIT {

    /** 07:30 local on Monday 2026-03-02 in Asia/Shanghai. */
    static final Instant START = Instant.parse("2026-03-01T23:30:00Z");
    static final Instant END = Instant.parse("2026-03-02T00:30:00Z");

    @Inject
    Pool pool;

    @AfterEach
    void ledgerSumsToZero() {
        LedgerInvariant.check(pool);
    }

    private static String createTariff(String admin, String site) {
        String id = Api.unique("t").toLowerCase();
        change(admin).body(Tariffs.twoRate(id, site)).post("/api/v1/tariffs").then().statusCode(201)
                .body("id", equalTo(id)).body("versions[0].version", equalTo(1));
        return id;
    }

    @Test
    void tariffIsCreatedReadListedRescopedAndVersionedByAppendingOnly() {
        String site = Api.unique("site");
        String id = createTariff("acme-admin", site);
        as("acme-staff").get("/api/v1/tariffs/" + id).then().statusCode(200)
                .body("scope.site", equalTo(site)).body("versions[0].slotMaps.WORKDAY[16]", equalTo("peak"))
                .body("versions[0].calendar.holidays", hasItem("2026-10-01"));
        as("acme-staff").get("/api/v1/tariffs?size=100").then().statusCode(200).body("items.id", hasItem(id));

        String otherSite = Api.unique("site");
        change("acme-admin").body(Map.of("name", "renamed", "scope", Map.of("site", otherSite)))
                .put("/api/v1/tariffs/" + id).then().statusCode(200).body("name", equalTo("renamed"))
                .body("scope.site", equalTo(otherSite));

        change("acme-admin").body(Map.of("name", "HQ", "holidays", List.of("2027-01-01"), "workdays", List.of()))
                .post("/api/v1/holiday-calendars").then().statusCode(400).body("errors[0].field", equalTo("name"));
        String calendar = Api.unique("cal").toLowerCase();
        change("acme-admin").body(Map.of("name", calendar, "holidays", List.of("2027-01-01"), "workdays", List.of()))
                .post("/api/v1/holiday-calendars").then().statusCode(201);

        String version = """
                {"validFrom": "2099-01-01T00:00:00Z", "zone": "Asia/Shanghai", "currency": "CNY",
                 "rates": [{"code": "flat", "electricityPerKwh": "0.8", "servicePerKwh": "0.4"}],
                 "slotMaps": {"WORKDAY": %s}, "calendarName": "%s"}""".formatted(flat(), calendar);
        change("acme-admin").body(version).post("/api/v1/tariffs/" + id + "/versions").then().statusCode(201)
                .body("version", equalTo(2)).body("calendar.name", equalTo(calendar))
                .body("calendar.holidays", hasItem("2027-01-01"));
        // a calendar edited afterwards does not change the stored version
        change("acme-admin").body(Map.of("holidays", List.of("2027-02-01"), "workdays", List.of()))
                .put("/api/v1/holiday-calendars/" + calendar).then().statusCode(200);
        as("acme-staff").get("/api/v1/tariffs/" + id + "/versions").then().statusCode(200)
                .body("$", hasSize(2)).body("[1].calendar.holidays", equalTo(List.of("2027-01-01")));

        String past = version.replace("2099-01-01", "2026-02-01");
        change("acme-admin").body(past).post("/api/v1/tariffs/" + id + "/versions").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("validFrom"));
        change("acme-staff").body(version).post("/api/v1/tariffs/" + id + "/versions").then().statusCode(403);
    }

    @Test
    void invalidTariffIsA400NamingTheFieldPath() {
        String id = Api.unique("t").toLowerCase();
        String body = Tariffs.twoRate(id, Api.unique("site"));
        String broken = body.replaceFirst("\"peak\",\"peak\",", "\"sharp\",\"peak\",");
        change("acme-admin").body(broken).post("/api/v1/tariffs").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("versions[0].slotMaps.WORKDAY[16]"));
        change("acme-admin").body(body.replace("\"0.60\"", "\"-0.60\"")).post("/api/v1/tariffs").then().statusCode(400)
                .body("errors[0].field", equalTo("versions[0].rates[1].servicePerKwh"));
        change("acme-admin").body(body.replace("Asia/Shanghai", "Mars/Olympus")).post("/api/v1/tariffs").then()
                .statusCode(400).body("errors[0].field", equalTo("versions[0].zone"));
        as("acme-staff").get("/api/v1/tariffs/" + id).then().statusCode(404);
    }

    @Test
    void previewAcrossTheEightOClockBoundaryMatchesTheHandComputedBill() {
        String site = Api.unique("site");
        String id = createTariff("acme-admin", site);
        Map<String, Object> request = Map.of("tariffId", id, "start", START.toString(), "end", END.toString(), "energyKwh", 20);
        as("acme-staff").body(request).post("/api/v1/tariffs/preview").then().statusCode(200)
                .body("tariffVersion", equalTo(1))
                .body("energy", equalTo(20_000_000))
                .body("buckets.rate", equalTo(List.of("valley", "peak")))
                .body("lines.amount.minorUnits", equalTo(List.of(300, 1000, 200, 600, 100)))
                .body("total.minorUnits", equalTo(2200));
        // 195 kWh earlier in the month: 5 kWh valley before the 200 kWh step, then +0.05 on the other 15 kWh
        Map<String, Object> tiered = Map.of("tariffId", id, "start", START.toString(), "end", END.toString(),
                "energyKwh", 20, "monthToDateKwh", 195);
        as("acme-admin").body(tiered).post("/api/v1/tariffs/preview").then().statusCode(200)
                .body("total.minorUnits", equalTo(2200 + 75));
        // an inline tariff is rated without being stored, and its errors are named under tariff
        String inline = "{\"tariff\": " + Tariffs.twoRate("inline", site) + ", \"start\": \"" + START + "\", \"end\": \""
                + END + "\", \"readings\": [{\"at\": \"" + START + "\", \"registerKwh\": 100}, {\"at\": \"" + END
                + "\", \"registerKwh\": 120}]}";
        as("acme-staff").body(inline).post("/api/v1/tariffs/preview").then().statusCode(200).body("total.minorUnits", equalTo(2200));
        as("acme-staff").body(inline.replace("Asia/Shanghai", "Nowhere/City")).post("/api/v1/tariffs/preview").then()
                .statusCode(400).body("errors[0].field", equalTo("tariff.versions[0].zone"));
    }

    @Test
    void previewBringsInTheIdleFeeAndCouponsFromTheSessionFactsItIsGiven() {
        String site = Api.unique("site");
        String id = createTariff("acme-admin", site);
        // 20 kWh over the boundary is 22.00 (see above); unplugged 25 min after the end: 10 min past the 15 min
        // grace at 0.50/min = 5.00; a fixed 3.00 coupon comes off the charging charge: 22.00 + 5.00 - 3.00 = 24.00
        Map<String, Object> request = Map.of("tariffId", id, "start", START.toString(), "end", END.toString(),
                "energyKwh", 20, "unpluggedAt", END.plusSeconds(25 * 60).toString(),
                "coupons", List.of(Map.of("code", "WELCOME", "kind", "FIXED_AMOUNT",
                        "amount", Map.of("minorUnits", 300, "currency", "CNY"), "stackable", true)));
        as("acme-staff").body(request).post("/api/v1/tariffs/preview").then().statusCode(200)
                .body("total.minorUnits", equalTo(2400));

        Map<String, Object> unknownKind = Map.of("tariffId", id, "start", START.toString(), "end", END.toString(),
                "energyKwh", 20, "coupons", List.of(Map.of("code", "X", "kind", "BOGUS")));
        as("acme-staff").body(unknownKind).post("/api/v1/tariffs/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("coupons[0].kind"));
    }

    @Test
    void quoteRatesARunningSessionAsIfItEndedAtItsLastReading() {
        String site = Api.unique("site");
        createTariff("acme-admin", site);
        SessionEvents.Session s = SessionEvents.session("acme", site, Api.owner("acme-driver"), null, START, END, 20_000);
        // ACTIVE with readings at 07:30 (0) and 08:00 (10 kWh): all valley, 3.00 + 2.00 + fee 1.00
        ChargingSessionChanged active = s.state(SessionState.ACTIVE, 3);
        service("acme").body(SessionEvents.json(active)).post("/api/v1/ratings/quote").then().statusCode(200)
                .body("sessionId", equalTo(s.sessionId())).body("tariffVersion", equalTo(1))
                .body("energy", equalTo(10_000_000))
                .body("total.minorUnits", equalTo(600)).body("total.currency", equalTo("CNY"))
                .body("lines.kind", equalTo(List.of("ELECTRICITY", "SERVICE", "SESSION_FEE")));

        SessionEvents.Session nowhere = SessionEvents.session("acme-none", Api.unique("site"), null, null, START, END, 20_000);
        service("acme-none").body(SessionEvents.json(nowhere.state(SessionState.ACTIVE, 3))).post("/api/v1/ratings/quote")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("tariff"));
        service("volt").body(SessionEvents.json(active)).post("/api/v1/ratings/quote").then().statusCode(400);
    }

    @Test
    void completedSessionCapturesExactlyTheRatedAmountReleasesTheRestAndPublishesOnce() {
        String site = Api.unique("site");
        createTariff("acme-admin", site);
        Api.fund("acme-admin", "acme-driver", 10_000);
        long before = Api.available("acme-driver");
        String sessionId = Api.unique("s");
        String hold = Api.hold("acme", "acme-driver", sessionId, 5_000);
        SessionEvents.Session s = new SessionEvents.Session("acme", sessionId, site, Api.owner("acme-driver"), hold,
                START, END, 20_000);
        SessionEvents.sendAll(s.lifecycle());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("acme-driver").get("/api/v1/receipts/" + sessionId).then().statusCode(200));
        as("acme-driver").get("/api/v1/receipts/" + sessionId).then()
                .body("total.minorUnits", equalTo(2200)).body("paid.minorUnits", equalTo(2200))
                .body("outstanding.minorUnits", equalTo(0)).body("paymentStatus", equalTo("PAID"))
                .body("tariffVersion", equalTo(1)).body("energy", equalTo(20_000_000))
                .body("lines.amount.minorUnits", equalTo(List.of(300, 1000, 200, 600, 100)));
        service("acme").get("/api/v1/holds/" + hold).then().body("state", equalTo("CAPTURED"))
                .body("captured.minorUnits", equalTo(2200));
        assertEquals(before - 2200, Api.available("acme-driver"), "the hold's remainder went back");
        as("acme-driver").get("/api/v1/receipts?size=100").then().statusCode(200).body("items.sessionId", hasItem(sessionId));
        as("acme-staff").get("/api/v1/rated-sessions?site=" + site).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].receiptNumber", equalTo(
                        as("acme-driver").get("/api/v1/receipts/" + sessionId).then().extract().path("receiptNumber")));

        // the same completion again (same and new event ids) changes nothing
        SessionEvents.send(s.state(SessionState.COMPLETED, 4));
        SessionEvents.send(s.state(SessionState.COMPLETED, 5));
        SessionEvents.send(s.state(SessionState.ACTIVE, 3));
        List<ConsumerRecord<String, byte[]>> published = SessionEvents.ratedRecords("acme:" + sessionId, Duration.ofSeconds(4));
        assertEquals(1, published.size(), "one rated-session record per session");
        ConsumerRecord<String, byte[]> record = published.getFirst();
        assertEquals(SessionRated.TYPE, SessionEvents.header(record, "ce_type"));
        assertEquals("rated:" + sessionId, SessionEvents.header(record, "ce_id"));
        SessionRated rated = SessionEvents.rated(record);
        assertEquals(2200, rated.total().minorUnits());
        assertEquals("PAID", rated.paymentStatus());
        assertEquals(before - 2200, Api.available("acme-driver"));
    }

    @Test
    void localSessionWithoutHoldIsDebitedOrLeftOutstandingButNeverLost() {
        String site = Api.unique("site");
        createTariff("acme-admin", site);
        String poor = Api.unique("poor-driver");
        SessionEvents.Session unpaid = SessionEvents.session("acme", site, poor, null, START, END, 20_000);
        SessionEvents.Session unassigned = SessionEvents.session("acme", site, null, null, START, END, 20_000);
        SessionEvents.sendAll(unpaid.lifecycle());
        SessionEvents.sendAll(unassigned.lifecycle());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("acme-staff").get("/api/v1/rated-sessions?site=" + site).then().body("total", equalTo(2)));
        as("acme-staff").get("/api/v1/rated-sessions/" + unpaid.sessionId()).then().statusCode(200)
                .body("paymentStatus", equalTo("UNPAID")).body("outstanding.minorUnits", equalTo(2200));
        as("acme-staff").get("/api/v1/rated-sessions/" + unassigned.sessionId()).then().statusCode(200)
                .body("paymentStatus", equalTo("UNASSIGNED")).body("outstanding.minorUnits", equalTo(2200));

        // with money in the wallet the same kind of session is debited under session:<id>
        String rich = Api.unique("rich-driver");
        change("acme-admin").body(Map.of("reference", Api.unique("fund"), "reason", "test", "amount", Api.cny(3_000)))
                .post("/api/v1/wallets/" + rich + "/adjustments").then().statusCode(200);
        SessionEvents.Session paid = SessionEvents.session("acme", site, rich, null, START, END, 20_000);
        SessionEvents.sendAll(paid.lifecycle());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("acme-staff").get("/api/v1/rated-sessions/" + paid.sessionId()).then().statusCode(200)
                        .body("paymentStatus", equalTo("PAID")).body("businessKey", equalTo("session:" + paid.sessionId())));
        as("acme-admin").get("/api/v1/wallets/" + rich).then().body("available.minorUnits", equalTo(800));
    }

    @Test
    void failedSessionReleasesItsHold() {
        Api.fund("acme-admin", "acme-driver", 1_000);
        String sessionId = Api.unique("s");
        String hold = Api.hold("acme", "acme-driver", sessionId, 700);
        SessionEvents.Session s = new SessionEvents.Session("acme", sessionId, Api.unique("site"), Api.owner("acme-driver"),
                hold, START, END, 0);
        SessionEvents.send(s.state(SessionState.STARTING, 1));
        SessionEvents.send(s.state(SessionState.FAILED, 2));
        SessionEvents.send(s.state(SessionState.FAILED, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                service("acme").get("/api/v1/holds/" + hold).then().body("state", equalTo("RELEASED")));
    }

    private static String flat() {
        return "[" + String.join(",", java.util.Collections.nCopies(48, "\"flat\"")) + "]";
    }
}
