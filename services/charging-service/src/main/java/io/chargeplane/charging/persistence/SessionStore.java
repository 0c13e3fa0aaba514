package io.chargeplane.charging.persistence;

import io.chargeplane.charging.domain.Session;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.session.SessionTopics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions in PostgreSQL. Every save of a changed session appends its {@code ChargingSessionChanged} to the outbox
 * on the same connection, so the two commit together or not at all; callers pass a connection inside a transaction.
 * An update is conditional on the sequence it read, so two writers racing on one session cannot both win.
 */
@ApplicationScoped
public class SessionStore {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    public Uni<Session> find(SqlClient c, TenantId tenant, String id) {
        return one(c.preparedQuery("select doc from sessions where id = $1 and tenant_id = $2")
                .execute(Tuple.of(id, tenant.value())));
    }

    public Uni<Session> lock(SqlClient c, String id) {
        return one(c.preparedQuery("select doc from sessions where id = $1 for update").execute(Tuple.of(id)));
    }

    public Uni<Session> lockByTransaction(SqlClient c, TenantId tenant, DeviceId device, String transactionId) {
        return one(c.preparedQuery("select doc from sessions where tenant_id = $1 and device_id = $2 and transaction_id = $3"
                        + " for update")
                .execute(Tuple.of(tenant.value(), device.value(), transactionId)));
    }

    /** The session an app or operator start is waiting for: matched by the token the charger echoes. */
    public Uni<Session> lockStartingByToken(SqlClient c, TenantId tenant, DeviceId device, String idToken) {
        return one(c.preparedQuery("select doc from sessions where tenant_id = $1 and device_id = $2 and id_token = $3"
                        + " and origin <> 'LOCAL' and state = 'STARTING' for update")
                .execute(Tuple.of(tenant.value(), device.value(), idToken)));
    }

    /** The newest open, started session on an EVSE: where a meter sample without a transaction belongs. */
    public Uni<Session> lockOpenOn(SqlClient c, TenantId tenant, DeviceId device, EvseId evse) {
        return one(c.preparedQuery("select doc from sessions where tenant_id = $1 and device_id = $2 and evse = $3"
                        + " and state in ('ACTIVE', 'STOPPING') order by created_at desc limit 1 for update")
                .execute(Tuple.of(tenant.value(), device.value(), evse.value())));
    }

    /** Open sessions without news since {@code before}, oldest first, locked and skipped by other instances. */
    public Uni<List<Session>> lockSilent(SqlClient c, SessionState state, Instant before, int limit) {
        return many(c.preparedQuery("select doc from sessions where state = $1 and last_news_at < $2"
                        + " order by last_news_at limit $3 for update skip locked")
                .execute(Tuple.of(state.name(), before.atOffset(ZoneOffset.UTC), limit)));
    }

    /** ACTIVE sessions with a time limit, for the limit check between meter samples. */
    public Uni<List<Session>> lockActiveWithTimeLimit(SqlClient c, int limit) {
        return many(c.preparedQuery("select doc from sessions where state = 'ACTIVE'"
                        + " and doc->'limits'->>'duration' is not null order by created_at limit $1 for update skip locked")
                .execute(Tuple.of(limit)));
    }

    public Uni<Void> insert(SqlClient c, Session s, Instant now) {
        return c.preparedQuery("insert into sessions (id, tenant_id, device_id, evse, connector, state, origin, driver,"
                        + " id_token, transaction_id, sequence, created_at, last_news_at, doc)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)")
                .execute(Tuple.from(new Object[]{s.id(), s.tenant().value(), s.device().value(), s.evse().value(),
                        s.connector() == null ? null : s.connector().value(), s.state().name(), s.origin().name(),
                        s.driver(), s.idToken(), s.transactionId(), s.sequence(), utc(s.createdAt()),
                        utc(s.lastNewsAt()), json(s)}))
                .flatMap(ignored -> appendOutbox(c, s, now));
    }

    /** Saves {@code after} over {@code before}; fails if someone else changed the session in between. */
    public Uni<Void> update(SqlClient c, Session before, Session after, Instant now) {
        return c.preparedQuery("update sessions set state = $2, transaction_id = $3, sequence = $4, last_news_at = $5,"
                        + " doc = $6::jsonb, driver = $7 where id = $1 and sequence = $8")
                .execute(Tuple.from(new Object[]{after.id(), after.state().name(), after.transactionId(),
                        after.sequence(), utc(after.lastNewsAt()), json(after), after.driver(), before.sequence()}))
                .flatMap(rows -> {
                    if (rows.rowCount() != 1) {
                        return Uni.createFrom().failure(new ConcurrentChangeException(after.id()));
                    }
                    return appendOutbox(c, after, now);
                });
    }

    private Uni<Void> appendOutbox(SqlClient c, Session s, Instant now) {
        var changed = s.toChanged(now);
        return c.preparedQuery("insert into outbox (session_id, tenant_id, event_id, type, payload, created_at)"
                        + " values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(s.id(), s.tenant().value(), changed.eventId(), SessionTopics.typeOf(s.state()),
                        io.vertx.core.buffer.Buffer.buffer(codec.writeJson(changed)), utc(now)))
                .replaceWithVoid();
    }

    /** A page of a tenant's sessions, newest first. */
    public Uni<List<Session>> list(SqlClient c, SessionQuery q) {
        StringBuilder sql = new StringBuilder("select doc from sessions where tenant_id = $1");
        List<Object> args = new ArrayList<>();
        args.add(q.tenant().value());
        if (q.driver() != null) {
            args.add(q.driver());
            sql.append(" and driver = $").append(args.size());
        }
        if (q.device() != null) {
            args.add(q.device());
            sql.append(" and device_id = $").append(args.size());
        }
        if (q.state() != null) {
            args.add(q.state().name());
            sql.append(" and state = $").append(args.size());
        }
        if (q.from() != null) {
            args.add(utc(q.from()));
            sql.append(" and created_at >= $").append(args.size());
        }
        if (q.to() != null) {
            args.add(utc(q.to()));
            sql.append(" and created_at < $").append(args.size());
        }
        args.add(q.size() + 1);
        sql.append(" order by created_at desc, id limit $").append(args.size());
        args.add(q.page() * q.size());
        sql.append(" offset $").append(args.size());
        return many(c.preparedQuery(sql.toString()).execute(Tuple.from(args)));
    }

    private Uni<Session> one(Uni<RowSet<Row>> rows) {
        return rows.map(set -> {
            var it = set.iterator();
            return it.hasNext() ? read(it.next()) : null;
        });
    }

    private Uni<List<Session>> many(Uni<RowSet<Row>> rows) {
        return rows.map(set -> {
            List<Session> sessions = new ArrayList<>();
            set.forEach(row -> sessions.add(read(row)));
            return sessions;
        });
    }

    private Session read(Row row) {
        Object doc = row.getValue("doc");
        String text = doc instanceof io.vertx.core.json.JsonObject o ? o.encode() : String.valueOf(doc);
        return codec.readJson(text.getBytes(StandardCharsets.UTF_8), Session.class);
    }

    private String json(Session s) {
        return new String(codec.writeJson(s), StandardCharsets.UTF_8);
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Filters of a session list; null means no filter. */
    /** One change of a session as it goes to Kafka: its outbox row, and when the relay saw Kafka acknowledge it. */
    public record PublishedChange(String eventId, String type, ChargingSessionChanged change, Instant createdAt,
                                  Instant publishedAt) {
    }

    /** A session's changes in the order they are published to {@code chargeplane.charging-sessions.v1}. */
    public Uni<List<PublishedChange>> changes(SqlClient c, TenantId tenant, String sessionId) {
        return c.preparedQuery("select event_id, type, payload, created_at, sent_at from outbox"
                        + " where tenant_id = $1 and session_id = $2 order by id")
                .execute(Tuple.of(tenant.value(), sessionId))
                .map(rows -> {
                    List<PublishedChange> list = new ArrayList<>();
                    for (Row r : rows) {
                        java.time.OffsetDateTime sent = r.getOffsetDateTime("sent_at");
                        list.add(new PublishedChange(r.getString("event_id"), r.getString("type"),
                                codec.readJson(r.getBuffer("payload").getBytes(), ChargingSessionChanged.class),
                                r.getOffsetDateTime("created_at").toInstant(), sent == null ? null : sent.toInstant()));
                    }
                    return list;
                });
    }

    public record SessionQuery(TenantId tenant, String driver, String device, SessionState state, Instant from,
                               Instant to, int page, int size) {
    }

    /** Another writer saved the session first; the caller retries on the new version. */
    public static final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String sessionId) {
            super("session " + sessionId + " changed concurrently");
        }
    }
}
