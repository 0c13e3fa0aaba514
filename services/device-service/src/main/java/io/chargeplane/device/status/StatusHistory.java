package io.chargeplane.device.status;

import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.persistence.PageResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The PostgreSQL history of status changes; one row per event, so a re-delivery adds nothing. */
@ApplicationScoped
public class StatusHistory {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Pool pool;

    public StatusHistory(Pool pool) {
        this.pool = pool;
    }

    /** Records the change; a change of a device deleted meanwhile is dropped with it. */
    public Uni<Void> record(StatusChange change) {
        Tuple values = Tuple.of(change.eventId(), change.tenant(), change.deviceId(), change.kind().name())
                .addValue(change.online()).addValue(change.adapter()).addValue(change.reason())
                .addValue(change.evse()).addValue(change.connector()).addValue(change.status())
                .addValue(change.errorCode()).addValue(utc(change.occurredAt())).addValue(utc(Instant.now()));
        return pool.preparedQuery("""
                        INSERT INTO device_status_history (event_id, tenant_id, device_id, change_kind, online, adapter,
                            reason, evse, connector, status, error_code, occurred_at, recorded_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                        ON CONFLICT (event_id) DO NOTHING""")
                .execute(values)
                .replaceWithVoid()
                .onFailure(e -> e instanceof io.vertx.pgclient.PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState()))
                .recoverWithNull();
    }

    /** The device's changes, newest first. */
    public Uni<PageResult<StatusChange>> page(String tenant, UUID device, PageRequest page) {
        Uni<Long> total = pool.preparedQuery(
                        "SELECT count(*) AS n FROM device_status_history WHERE tenant_id = $1 AND device_id = $2")
                .execute(Tuple.of(tenant, device)).map(rows -> rows.iterator().next().getLong("n"));
        Uni<List<StatusChange>> items = pool.preparedQuery("""
                        SELECT h.*, d.identity FROM device_status_history h
                        JOIN devices d ON d.tenant_id = h.tenant_id AND d.id = h.device_id
                        WHERE h.tenant_id = $1 AND h.device_id = $2
                        ORDER BY h.occurred_at DESC, h.id DESC LIMIT $3 OFFSET $4""")
                .execute(Tuple.of(tenant, device, page.size(), page.offset()))
                .map(rows -> {
                    List<StatusChange> changes = new ArrayList<>();
                    rows.forEach(row -> changes.add(change(row)));
                    return changes;
                });
        return Uni.combine().all().unis(items, total).asTuple()
                .map(both -> new PageResult<>(both.getItem1(), both.getItem2()));
    }

    private static StatusChange change(Row row) {
        return new StatusChange(row.getString("event_id"), row.getString("tenant_id"), row.getUUID("device_id"),
                row.getString("identity"), StatusChange.Kind.valueOf(row.getString("change_kind")),
                row.getBoolean("online"), row.getString("adapter"), row.getString("reason"), row.getInteger("evse"),
                row.getInteger("connector"), row.getString("status"), row.getString("error_code"),
                row.getOffsetDateTime("occurred_at").toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
