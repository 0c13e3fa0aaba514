package io.chargeplane.billing.service;

import io.chargeplane.billing.api.RatingJson;
import io.chargeplane.billing.api.SessionRated;
import io.chargeplane.billing.domain.charging.ChargePlan;
import io.chargeplane.billing.domain.charging.SessionDecision;
import io.chargeplane.billing.domain.ledger.InsufficientFundsException;
import io.chargeplane.billing.domain.ledger.Postings;
import io.chargeplane.billing.domain.rating.Bill;
import io.chargeplane.billing.domain.rating.RatingEngine;
import io.chargeplane.billing.domain.rating.SessionFacts;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.billing.persistence.HoldStore;
import io.chargeplane.billing.persistence.LedgerStore;
import io.chargeplane.billing.persistence.RatedSessionStore;
import io.chargeplane.billing.persistence.TariffStore;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.error.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bills a completed session exactly once in effect. One transaction holds a per-session lock, finds whether the
 * session was rated, rates it with the tariff version valid at its start, moves the driver's monthly energy,
 * charges it through the hold's capture or a direct wallet posting (the existing ledger path, idempotent on its
 * business key), and writes the rated session (the receipt) and the outbox record. A repeat, a stale copy or a
 * re-ordered earlier state finds the row, or is not an end state, and changes nothing.
 */
@ApplicationScoped
public class SessionBilling {

    /** The actor named on postings billing makes by itself. */
    public static final String ACTOR = "billing-service";

    private static final Logger LOG = Logger.getLogger(SessionBilling.class);
    private static final DateTimeFormatter RECEIPT_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    public enum Outcome { IGNORED, RATED, RELEASED }

    /** How the charge went: what was paid, what is left outstanding, and under which posting. */
    record Payment(String status, long paid, long outstanding, String businessKey, String holdId, String note) {
    }

    private final Pool pool;
    private final TariffStore tariffs;
    private final RatedSessionStore rated;
    private final HoldStore holds;
    private final LedgerStore ledger;
    private final MeterRegistry metrics;
    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    public SessionBilling(Pool pool, TariffStore tariffs, RatedSessionStore rated, HoldStore holds, LedgerStore ledger,
                          MeterRegistry metrics) {
        this.pool = pool;
        this.tariffs = tariffs;
        this.rated = rated;
        this.holds = holds;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    public Uni<Outcome> apply(ChargingSessionChanged event) {
        String tenant = event.tenant().value();
        return pool.withTransaction(c -> rated.lockAndCheckRated(c, tenant, event.sessionId())
                        .flatMap(already -> switch (SessionDecision.of(event, already)) {
                            case IGNORE -> Uni.createFrom().item(Outcome.IGNORED);
                            case RELEASE_HOLD -> releaseHold(c, event);
                            case RATE -> rate(c, event);
                        }))
                .invoke(outcome -> metrics.counter("chargeplane.billing.sessions", "state",
                        event.state().name().toLowerCase(), "outcome", outcome.name().toLowerCase()).increment());
    }

    private Uni<Outcome> releaseHold(SqlConnection c, ChargingSessionChanged e) {
        return holds.forSession(c, e.tenant(), e.holdId(), e.sessionId()).flatMap(hold -> hold.isPresent()
                && hold.get().state().name().equals("HELD")
                ? holds.release(c, e.tenant(), hold.get().id(), ACTOR).replaceWith(Outcome.RELEASED)
                : Uni.createFrom().item(Outcome.IGNORED));
    }

    private Uni<Outcome> rate(SqlConnection c, ChargingSessionChanged e) {
        return tariffs.book(c, e.tenant()).flatMap(book -> {
            Optional<Tariff> tariff = book.resolve(e.tenant(), e.site(), e.device(), e.connector());
            Optional<TariffVersion> version = tariff.flatMap(t -> t.versionAt(e.startedAt()));
            if (version.isEmpty()) {
                return notRated(c, e, tariff.isEmpty() ? "no tariff applies to the session's connector"
                        : "tariff '" + tariff.get().id() + "' has no version valid at " + e.startedAt());
            }
            RatingEngine engine = new RatingEngine(version.get());
            String month = YearMonth.from(e.startedAt().atZone(version.get().zone())).toString();
            Uni<Long> monthToDate = e.driver() == null ? Uni.createFrom().item(0L)
                    : rated.monthToDate(c, e.tenant().value(), e.driver(), month);
            return monthToDate.flatMap(mtd -> {
                // coupons are not part of the session event yet: a later version applies them here
                Bill bill = engine.rate(SessionMetering.of(e), Energy.ofMilliwattHours(mtd), SessionFacts.NONE);
                Uni<Void> energy = e.driver() == null ? Uni.createFrom().voidItem()
                        : rated.addEnergy(c, e.tenant().value(), e.driver(), month, bill.metering().energy().milliwattHours());
                return energy.flatMap(x -> holds.forSession(c, e.tenant(), e.holdId(), e.sessionId()))
                        .flatMap(hold -> charge(c, e, hold.orElse(null), bill.total()))
                        .flatMap(payment -> record(c, e, tariff.get().id(), bill, payment));
            });
        });
    }

    private Uni<Payment> charge(SqlConnection c, ChargingSessionChanged e, HoldStore.Hold hold, Money total) {
        ChargePlan.HoldFacts facts = hold == null ? null : new ChargePlan.HoldFacts(hold.id(), hold.owner(),
                hold.state().name(), hold.captured() == null ? 0 : hold.captured(), hold.currency());
        TenantId tenant = e.tenant();
        String sid = e.sessionId();
        return switch (ChargePlan.of(e.driver(), facts, total)) {
            case ChargePlan.CaptureHold p -> savepoint(c, () -> holds.capture(c, tenant, p.holdId(), total, ACTOR)
                            .map(h -> new Payment("PAID", total.minorUnits(), 0, "capture:" + sid, h.id().toString(), null)),
                    failure -> partialCapture(c, tenant, hold, total, failure));
            case ChargePlan.DebitWallet p -> savepoint(c, () -> ledger.post(c, tenant, Postings.sessionCharge(sid, p.owner(), total), ACTOR)
                            .map(r -> new Payment("PAID", total.minorUnits(), 0, r.businessKey(), null, null)),
                    failure -> Uni.createFrom().item(new Payment("UNPAID", 0, total.minorUnits(), null, null,
                            "wallet charge refused: " + failure.getMessage())));
            case ChargePlan.AlreadyCaptured p -> {
                long paid = Math.min(p.captured().minorUnits(), total.minorUnits());
                yield Uni.createFrom().item(new Payment(paid == total.minorUnits() ? "PAID" : "PARTIALLY_PAID", paid,
                        total.minorUnits() - paid, "capture:" + sid, p.holdId().toString(), "hold was captured before rating"));
            }
            case ChargePlan.Nothing p -> Uni.createFrom().item(new Payment("PAID", 0, 0, null, null, null));
            case ChargePlan.Unassigned p -> Uni.createFrom().item(new Payment("UNASSIGNED", 0, total.minorUnits(), null, null,
                    "the session names no driver; the operator assigns it"));
        };
    }

    /** The hold could not take the whole total: take what it holds, leave the rest outstanding. */
    private Uni<Payment> partialCapture(SqlConnection c, TenantId tenant, HoldStore.Hold hold, Money total, Throwable failure) {
        String note = "capture of the whole total refused: " + failure.getMessage();
        if (!hold.currency().equals(total.currency().getCurrencyCode())) {
            return holds.release(c, tenant, hold.id(), ACTOR).map(h -> new Payment("UNPAID", 0, total.minorUnits(),
                    "release:" + hold.sessionId(), hold.id().toString(), note));
        }
        long part = Math.min(hold.amount(), total.minorUnits());
        return holds.capture(c, tenant, hold.id(), Money.ofMinor(part, total.currency()), ACTOR)
                .map(h -> new Payment(part == total.minorUnits() ? "PAID" : "PARTIALLY_PAID", part,
                        total.minorUnits() - part, "capture:" + hold.sessionId(), hold.id().toString(), note));
    }

    /** Runs {@code attempt} under a savepoint; a refused charge is rolled back to it and handled by {@code fallback}. */
    private static Uni<Payment> savepoint(SqlConnection c, java.util.function.Supplier<Uni<Payment>> attempt,
                                          java.util.function.Function<Throwable, Uni<Payment>> fallback) {
        return c.query("savepoint charge").execute()
                .flatMap(x -> attempt.get())
                .onFailure(f -> f instanceof InsufficientFundsException || f instanceof ProblemException)
                .recoverWithUni(f -> c.query("rollback to savepoint charge").execute().flatMap(x -> fallback.apply(f)));
    }

    private Uni<Outcome> notRated(SqlConnection c, ChargingSessionChanged e, String reason) {
        LOG.warnf("Session %s of %s not rated: %s", e.sessionId(), e.tenant().value(), reason);
        Money zero = Money.zero(e.costSoFar() != null ? e.costSoFar().currency() : java.util.Currency.getInstance("CNY"));
        Uni<Optional<HoldStore.Hold>> hold = holds.forSession(c, e.tenant(), e.holdId(), e.sessionId());
        // the hold goes back: nothing is charged until an operator rates the session
        return hold.flatMap(h -> h.isPresent() && h.get().state().name().equals("HELD")
                        ? holds.release(c, e.tenant(), h.get().id(), ACTOR).replaceWith(h.get().id().toString())
                        : Uni.createFrom().item((String) null))
                .flatMap(holdId -> write(c, e, null, null, SessionMetering.of(e).energy(), zero, List.of(), List.of(),
                        new Payment("NOT_RATED", 0, 0, null, holdId, reason)));
    }

    private Uni<Outcome> record(SqlConnection c, ChargingSessionChanged e, String tariffId, Bill bill, Payment payment) {
        return write(c, e, tariffId, bill.tariffVersion(), bill.metering().energy(), bill.total(),
                bill.lines().stream().map(RatingJson.Line::of).toList(),
                bill.metering().buckets().stream().map(RatingJson.Bucket::of).toList(), payment);
    }

    private Uni<Outcome> write(SqlConnection c, ChargingSessionChanged e, String tariffId, Integer tariffVersion,
                               Energy energy, Money total, List<RatingJson.Line> lines, List<RatingJson.Bucket> buckets,
                               Payment payment) {
        String currency = total.currency().getCurrencyCode();
        String receipt = receiptNumber(e);
        Instant now = Instant.now();
        RatedSessionStore.RatedSession row = new RatedSessionStore.RatedSession(e.tenant().value(), e.sessionId(), receipt,
                e.eventId(), e.driver(), e.site(), e.device().value(), e.connector() == null ? null : e.connector().value(),
                tariffId, tariffVersion, e.startedAt().atOffset(ZoneOffset.UTC), e.endedAt().atOffset(ZoneOffset.UTC),
                energy.milliwattHours(), currency, total.minorUnits(), payment.paid(), payment.outstanding(),
                payment.status(), payment.businessKey(), payment.holdId(),
                new JsonArray(new String(codec.writeJson(lines), StandardCharsets.UTF_8)),
                new JsonArray(new String(codec.writeJson(buckets), StandardCharsets.UTF_8)), payment.note(), null);
        SessionRated published = new SessionRated("rated:" + e.sessionId(), e.tenant().value(), e.sessionId(), receipt,
                e.driver(), e.site(), e.device().value(), row.connector(), tariffId, tariffVersion, e.startedAt(),
                e.endedAt(), energy, total, Money.ofMinor(payment.paid(), currency),
                Money.ofMinor(payment.outstanding(), currency), payment.status(), lines, now);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", published.eventId());
        headers.put("ce_source", SessionRated.SOURCE);
        headers.put("ce_type", SessionRated.TYPE);
        headers.put("ce_subject", e.sessionId());
        headers.put("ce_time", now.toString());
        headers.put("content-type", "application/json");
        return rated.insert(c, row)
                .flatMap(x -> rated.outbox(c, SessionRated.TOPIC, published.key(), headers, codec.writeJson(published)))
                .replaceWith(Outcome.RATED);
    }

    /** Stable for a session (a replay computes the same number): the end day and a digest of tenant and session. */
    static String receiptNumber(ChargingSessionChanged e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((e.tenant().value() + ":" + e.sessionId()).getBytes(StandardCharsets.UTF_8));
            return "R" + RECEIPT_DAY.format(e.endedAt()) + "-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
