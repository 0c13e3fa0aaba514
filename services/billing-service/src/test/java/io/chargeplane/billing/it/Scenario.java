package io.chargeplane.billing.it;

import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.SessionState;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * One batch of sessions, set up identically in any tenant of any billing-service instance: the fixture tariff on
 * one site, three funded wallets, holds for the sessions that have one. The sessions cover every way of paying:
 * a hold captured below its amount, a capture beyond a hold that the wallet cannot cover (partly paid), a direct
 * wallet debit, a refused debit (unpaid), no driver (unassigned), and a failed session whose hold is released.
 * Drivers cross the tariff's 200 kWh monthly step, so the order of completions matters and is kept.
 */
final class Scenario {

    static final String SITE = "depot";
    private final String tenant;
    private final String run;
    private final int rounds;

    Scenario(String tenant, String run, int rounds) {
        this.tenant = tenant;
        this.run = run;
        this.rounds = rounds;
    }

    /** Requests as {@code user} against the billing-service at {@code port}, acting for the scenario's tenant. */
    private RequestSpecification as(int port, String user) {
        return given().port(port).auth().oauth2(Api.token(user)).contentType(ContentType.JSON)
                .header(Api.TENANT_HEADER, tenant).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Tariff, funds and holds, through the API of the instance at {@code port}. */
    void setUp(int port) {
        as(port, "platform-admin").body(Tariffs.twoRate("depot", SITE)).post("/api/v1/tariffs").then().statusCode(201);
        fund(port, driver("a"), 500_000);
        // b keeps 500 beside its holds: a capture beyond a hold is refused, a local session is left unpaid
        fund(port, driver("b"), 500 + 1_000L * rounds);
        fund(port, driver("c"), 200_000);
        for (SessionEvents.Session s : sessions()) {
            if (s.holdId() != null) {
                long amount = s.driver().equals(driver("b")) ? 1_000 : 5_000;
                as(port, Api.SERVICE).body(Map.of("sessionId", s.sessionId(), "owner", s.driver(), "amount", Api.cny(amount)))
                        .post("/api/v1/holds").then().statusCode(201);
            }
        }
    }

    private void fund(int port, String owner, long minor) {
        as(port, "platform-admin").body(Map.of("reference", "fund-" + owner, "reason", "scenario", "amount", Api.cny(minor)))
                .post("/api/v1/wallets/" + owner + "/adjustments").then().statusCode(200);
    }

    String driver(String name) {
        return "drv-" + name + "-" + run;
    }

    /** The sessions in the order they complete; the hold id is a marker ("hold") that a hold was taken. */
    List<SessionEvents.Session> sessions() {
        List<SessionEvents.Session> all = new ArrayList<>();
        Instant day = Instant.parse("2026-04-01T23:30:00Z");
        for (int i = 0; i < rounds; i++) {
            Instant start = day.plus(Duration.ofDays(i));
            Instant end = start.plus(Duration.ofHours(1));
            all.add(session("a-hold-" + i, driver("a"), "hold", start, end, 60_000));
            all.add(session("a-local-" + i, driver("a"), null, start, end, 45_500));
            all.add(session("b-hold-" + i, driver("b"), "hold", start, end, 20_000));
            all.add(session("b-local-" + i, driver("b"), null, start, end, 20_000));
            all.add(session("c-local-" + i, driver("c"), null, start, end, 70_250));
            all.add(session("nobody-" + i, null, null, start, end, 12_000));
            all.add(session("c-failed-" + i, driver("c"), "hold", start, end, 0));
        }
        return all;
    }

    private SessionEvents.Session session(String name, String driver, String hold, Instant start, Instant end, long wh) {
        return new SessionEvents.Session(tenant, name + "-" + run, SITE, driver, hold, start, end, wh);
    }

    /** The events charging-service would publish, in order: a failed session fails after its start. */
    List<ChargingSessionChanged> undisturbed() {
        List<ChargingSessionChanged> events = new ArrayList<>();
        for (SessionEvents.Session s : sessions()) {
            events.addAll(failed(s) ? List.of(s.state(SessionState.STARTING, 1), s.state(SessionState.FAILED, 2)) : s.lifecycle());
        }
        return events;
    }

    /**
     * The same sessions with every copy a real broker and producer could add: duplicates with the same event id,
     * a second completion with a new event id, earlier states arriving after the end, the start last.
     */
    List<ChargingSessionChanged> disturbed() {
        List<ChargingSessionChanged> events = new ArrayList<>();
        for (SessionEvents.Session s : sessions()) {
            if (failed(s)) {
                events.addAll(List.of(s.state(SessionState.FAILED, 2), s.state(SessionState.STARTING, 1),
                        s.state(SessionState.FAILED, 2)));
                continue;
            }
            events.addAll(List.of(s.state(SessionState.ACTIVE, 3), s.state(SessionState.ACTIVE, 2),
                    s.state(SessionState.COMPLETED, 4), s.state(SessionState.COMPLETED, 4), s.state(SessionState.ACTIVE, 3),
                    s.state(SessionState.COMPLETED, 5), s.state(SessionState.STARTING, 1)));
        }
        return events;
    }

    int expectedRated() {
        return (int) sessions().stream().filter(s -> !failed(s)).count();
    }

    private static boolean failed(SessionEvents.Session s) {
        return s.sessionId().startsWith("c-failed-");
    }
}
