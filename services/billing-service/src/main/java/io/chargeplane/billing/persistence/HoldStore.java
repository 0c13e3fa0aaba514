package io.chargeplane.billing.persistence;

import io.chargeplane.billing.domain.ledger.HoldState;
import io.chargeplane.billing.domain.ledger.Postings;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Session pre-authorisations. Each change of a hold and its posting commit together, with the hold row locked, so
 * a hold is captured or released exactly once however often (and however concurrently) the caller repeats.
 */
@ApplicationScoped
public class HoldStore {

    private final Pool pool;
    private final LedgerStore ledger;

    public HoldStore(Pool pool, LedgerStore ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    public record Hold(UUID id, String tenantId, String owner, String sessionId, String currency, long amount,
                       Long captured, long refunded, HoldState state, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** Try: reserves {@code amount} for the session. A repeat for the same session returns the first hold. */
    public Uni<Hold> hold(TenantId tenant, String owner, String sessionId, Money amount, String actor) {
        return pool.withTransaction(c -> ledger.post(c, tenant, Postings.hold(sessionId, owner, amount), actor)
                .flatMap(result -> result.replayed()
                        ? bySession(c, tenant, sessionId).invoke(h -> {
                            if (!h.owner().equals(owner)) {
                                throw new ProblemException(ErrorCode.CONFLICT,
                                        "session " + sessionId + " already holds money of another wallet");
                            }
                        })
                        : c.preparedQuery("insert into holds (id, tenant_id, owner, session_id, currency, amount_minor, state) "
                                        + "values ($1, $2, $3, $4, $5, $6, 'HELD') returning *")
                                .execute(Tuple.from(java.util.List.of(UUID.randomUUID(), tenant.value(), owner, sessionId,
                                        amount.currency().getCurrencyCode(), amount.minorUnits())))
                                .map(rows -> hold(rows.iterator().next()))));
    }

    public Uni<Hold> get(TenantId only, UUID id) {
        return pool.withConnection(c -> find(c, only, id, false));
    }

    /** Confirm: takes {@code charged} and gives the rest back. A repeat with the same amount is harmless. */
    public Uni<Hold> capture(TenantId tenant, UUID id, Money charged, String actor) {
        return pool.withTransaction(c -> capture(c, tenant, id, charged, actor));
    }

    /** {@link #capture(TenantId, UUID, Money, String)} inside the caller's transaction (session billing). */
    public Uni<Hold> capture(SqlConnection c, TenantId tenant, UUID id, Money charged, String actor) {
        return find(c, tenant, id, true).flatMap(h -> switch (h.state().towards(HoldState.CAPTURED)) {
            case REPEAT -> {
                if (h.captured() != charged.minorUnits() || !h.currency().equals(charged.currency().getCurrencyCode())) {
                    throw new ProblemException(ErrorCode.CONFLICT, "hold " + id + " was captured with another amount");
                }
                yield Uni.createFrom().item(h);
            }
            case REFUSED -> throw new ProblemException(ErrorCode.CONFLICT, "hold " + id + " was released; it cannot be captured");
            case APPLY -> {
                requireCurrency(h, charged);
                yield ledger.post(c, tenant, Postings.capture(h.sessionId(), h.owner(),
                                Money.ofMinor(h.amount(), h.currency()), charged), actor)
                        .flatMap(r -> update(c, id, "state = 'CAPTURED', captured_minor = $2", charged.minorUnits()));
            }
        });
    }

    /** Cancel: gives the whole hold back. A repeat is harmless. */
    public Uni<Hold> release(TenantId tenant, UUID id, String actor) {
        return pool.withTransaction(c -> release(c, tenant, id, actor));
    }

    /** {@link #release(TenantId, UUID, String)} inside the caller's transaction (session billing). */
    public Uni<Hold> release(SqlConnection c, TenantId tenant, UUID id, String actor) {
        return find(c, tenant, id, true).flatMap(h -> switch (h.state().towards(HoldState.RELEASED)) {
            case REPEAT -> Uni.createFrom().item(h);
            case REFUSED -> throw new ProblemException(ErrorCode.CONFLICT, "hold " + id + " was captured; refund it instead");
            case APPLY -> ledger.post(c, tenant, Postings.release(h.sessionId(), h.owner(),
                            Money.ofMinor(h.amount(), h.currency())), actor)
                    .flatMap(r -> update(c, id, "state = 'RELEASED', captured_minor = $2", null));
        });
    }

    /**
     * The hold a session event names, else the session's hold, locked; empty when the session has none in the
     * tenant (a local RFID session, or an id of another tenant).
     */
    public Uni<java.util.Optional<Hold>> forSession(SqlConnection c, TenantId tenant, String holdId, String sessionId) {
        UUID id = null;
        if (holdId != null) {
            try {
                id = UUID.fromString(holdId);
            } catch (IllegalArgumentException e) {
                id = null;
            }
        }
        return c.preparedQuery("select * from holds where tenant_id = $1 and (id = $2 or session_id = $3) "
                        + "order by (id = $2) desc nulls last limit 1 for update")
                .execute(Tuple.of(tenant.value(), id, sessionId))
                .map(rows -> rows.rowCount() == 0 ? java.util.Optional.<Hold>empty()
                        : java.util.Optional.of(hold(rows.iterator().next())));
    }

    /** Gives part of a captured charge back to the wallet, at most what was captured in total. */
    public Uni<Hold> refund(TenantId tenant, UUID id, String reference, Money amount, String actor) {
        return pool.withTransaction(c -> find(c, tenant, id, true).flatMap(h -> {
            if (h.state() != HoldState.CAPTURED) {
                throw new ProblemException(ErrorCode.CONFLICT, "hold " + id + " is " + h.state() + "; only a captured hold is refunded");
            }
            requireCurrency(h, amount);
            return ledger.post(c, tenant, Postings.refund(h.sessionId() + ":" + reference, h.owner(), amount), actor)
                    .flatMap(r -> {
                        if (r.replayed()) {
                            return Uni.createFrom().item(h);
                        }
                        if (h.refunded() + amount.minorUnits() > h.captured()) {
                            throw ProblemException.invalidField("amount", "exceeds what is left to refund ("
                                    + (h.captured() - h.refunded()) + " minor units)");
                        }
                        return update(c, id, "refunded_minor = refunded_minor + $2", amount.minorUnits());
                    });
        }));
    }

    private static void requireCurrency(Hold h, Money money) {
        if (!h.currency().equals(money.currency().getCurrencyCode())) {
            throw ProblemException.invalidField("amount.currency", "the hold is in " + h.currency());
        }
    }

    private static Uni<Hold> update(SqlConnection c, UUID id, String set, Long value) {
        return c.preparedQuery("update holds set " + set + ", version = version + 1, updated_at = now() where id = $1 returning *")
                .execute(Tuple.of(id, value))
                .map(rows -> hold(rows.iterator().next()));
    }

    private static Uni<Hold> find(SqlConnection c, TenantId only, UUID id, boolean forUpdate) {
        return c.preparedQuery("select * from holds where id = $1 and ($2::text is null or tenant_id = $2)"
                        + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id, only == null ? null : only.value()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("hold " + id);
                    }
                    return hold(rows.iterator().next());
                });
    }

    private static Uni<Hold> bySession(SqlConnection c, TenantId tenant, String sessionId) {
        return c.preparedQuery("select * from holds where tenant_id = $1 and session_id = $2")
                .execute(Tuple.of(tenant.value(), sessionId))
                .map(rows -> hold(rows.iterator().next()));
    }

    private static Hold hold(Row r) {
        return new Hold(r.getUUID("id"), r.getString("tenant_id"), r.getString("owner"), r.getString("session_id"),
                r.getString("currency"), r.getLong("amount_minor"), r.getLong("captured_minor"), r.getLong("refunded_minor"),
                HoldState.valueOf(r.getString("state")), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}
