package io.chargeplane.billing.persistence;

import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rated sessions (each one is also the driver's receipt), the drivers' monthly energy, and the outbox. The writes
 * take the caller's connection: session billing commits them with the ledger posting in one transaction.
 */
@ApplicationScoped
public class RatedSessionStore {

    private final Pool pool;

    public RatedSessionStore(Pool pool) {
        this.pool = pool;
    }

    /** A stored rated session. {@code lines} and {@code buckets} are the JSON arrays as written. */
    public record RatedSession(String tenantId, String sessionId, String receiptNumber, String eventId, String driver,
                               String site, String device, Integer connector, String tariffId, Integer tariffVersion,
                               OffsetDateTime startedAt, OffsetDateTime endedAt, long energyMwh, String currency,
                               long totalMinor, long paidMinor, long outstandingMinor, String paymentStatus,
                               String businessKey, String holdId, JsonArray lines, JsonArray buckets, String note,
                               OffsetDateTime ratedAt) {
    }

    public record Page(List<RatedSession> items, long total) {
    }

    /** Filters of the operator's list; null means any. */
    public record Filter(String driver, String site, String device, String paymentStatus, OffsetDateTime from,
                         OffsetDateTime to) {
    }

    /**
     * Serialises everything about one session: the transaction holds this lock until it commits, so two copies
     * of an event (even in two instances during a rebalance) are billed one after the other, and the second finds
     * the first one's row.
     */
    public Uni<Boolean> lockAndCheckRated(SqlConnection c, String tenant, String sessionId) {
        return c.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(tenant + ":" + sessionId))
                .flatMap(ignored -> c.preparedQuery("select 1 from rated_sessions where tenant_id = $1 and session_id = $2")
                        .execute(Tuple.of(tenant, sessionId)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The driver's energy so far in the month, with the row locked until the transaction ends. */
    public Uni<Long> monthToDate(SqlConnection c, String tenant, String driver, String month) {
        return c.preparedQuery("insert into driver_month_energy (tenant_id, driver, month) values ($1, $2, $3) "
                        + "on conflict (tenant_id, driver, month) do update set energy_mwh = driver_month_energy.energy_mwh "
                        + "returning energy_mwh")
                .execute(Tuple.of(tenant, driver, month))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Void> addEnergy(SqlConnection c, String tenant, String driver, String month, long mwh) {
        return c.preparedQuery("update driver_month_energy set energy_mwh = energy_mwh + $4 "
                        + "where tenant_id = $1 and driver = $2 and month = $3")
                .execute(Tuple.of(tenant, driver, month, mwh)).replaceWithVoid();
    }

    public Uni<Void> insert(SqlConnection c, RatedSession s) {
        return c.preparedQuery("insert into rated_sessions (tenant_id, session_id, receipt_number, event_id, driver, site, device, "
                        + "connector, tariff_id, tariff_version, started_at, ended_at, energy_mwh, currency, total_minor, paid_minor, "
                        + "outstanding_minor, payment_status, business_key, hold_id, lines, buckets, note) values ($1, $2, $3, $4, "
                        + "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)")
                .execute(Tuple.from(java.util.Arrays.asList(s.tenantId(), s.sessionId(), s.receiptNumber(), s.eventId(),
                        s.driver(), s.site(), s.device(), s.connector(), s.tariffId(), s.tariffVersion(), s.startedAt(),
                        s.endedAt(), s.energyMwh(), s.currency(), s.totalMinor(), s.paidMinor(), s.outstandingMinor(),
                        s.paymentStatus(), s.businessKey(), s.holdId(), s.lines(), s.buckets(), s.note())))
                .replaceWithVoid();
    }

    /** A record to publish, committed with the change it announces. */
    public Uni<Void> outbox(SqlConnection c, String topic, String key, Map<String, String> headers, byte[] payload) {
        return c.preparedQuery("insert into outbox (topic, record_key, headers, payload) values ($1, $2, $3, $4)")
                .execute(Tuple.of(topic, key, new JsonObject(new java.util.LinkedHashMap<>(headers)),
                        io.vertx.core.buffer.Buffer.buffer(payload)))
                .replaceWithVoid();
    }

    /** One rated session; {@code driver} non-null restricts it to that driver's own. */
    public Uni<RatedSession> get(TenantId only, String sessionId, String driver) {
        return pool.preparedQuery("select * from rated_sessions where ($1::text is null or tenant_id = $1) and session_id = $2 "
                        + "and ($3::text is null or driver = $3)")
                .execute(Tuple.of(only == null ? null : only.value(), sessionId, driver))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("receipt of session " + sessionId);
                    }
                    return row(rows.iterator().next());
                });
    }

    public Uni<Page> list(TenantId only, Filter f, int page, int size) {
        String where = " where ($1::text is null or tenant_id = $1) and ($2::text is null or driver = $2) "
                + "and ($3::text is null or site = $3) and ($4::text is null or device = $4) "
                + "and ($5::text is null or payment_status = $5) and ($6::timestamptz is null or ended_at >= $6) "
                + "and ($7::timestamptz is null or ended_at < $7)";
        List<Object> args = java.util.Arrays.asList(only == null ? null : only.value(), f.driver(), f.site(), f.device(),
                f.paymentStatus(), f.from(), f.to());
        return pool.preparedQuery("select count(*) from rated_sessions" + where).execute(Tuple.from(args))
                .flatMap(count -> {
                    List<Object> paged = new ArrayList<>(args);
                    paged.add(size);
                    paged.add(page * size);
                    return pool.preparedQuery("select * from rated_sessions" + where
                                    + " order by ended_at desc, session_id limit $8 offset $9")
                            .execute(Tuple.from(paged))
                            .map(rows -> {
                                List<RatedSession> items = new ArrayList<>();
                                rows.forEach(r -> items.add(row(r)));
                                return new Page(items, count.iterator().next().getLong(0));
                            });
                });
    }

    private static RatedSession row(Row r) {
        return new RatedSession(r.getString("tenant_id"), r.getString("session_id"), r.getString("receipt_number"),
                r.getString("event_id"), r.getString("driver"), r.getString("site"), r.getString("device"),
                r.getInteger("connector"), r.getString("tariff_id"), r.getInteger("tariff_version"),
                r.getOffsetDateTime("started_at"), r.getOffsetDateTime("ended_at"), r.getLong("energy_mwh"),
                r.getString("currency"), r.getLong("total_minor"), r.getLong("paid_minor"), r.getLong("outstanding_minor"),
                r.getString("payment_status"), r.getString("business_key"), r.getString("hold_id"),
                (JsonArray) r.getValue("lines"), (JsonArray) r.getValue("buckets"), r.getString("note"),
                r.getOffsetDateTime("rated_at"));
    }
}
