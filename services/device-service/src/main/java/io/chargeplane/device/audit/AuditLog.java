package io.chargeplane.device.audit;

import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.persistence.PageResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The append-only audit log in PostgreSQL; rows are never updated or deleted by the service. */
@ApplicationScoped
public class AuditLog {

    private final Pool pool;

    public AuditLog(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> append(AuditEntry entry) {
        return append(pool, entry);
    }

    /** Appends within the caller's transaction (the command row and its audit line commit together). */
    public Uni<Void> append(SqlClient client, AuditEntry entry) {
        Tuple values = Tuple.of(entry.id(), entry.tenant(), entry.actor(), entry.action(), entry.deviceId(),
                        entry.deviceIdentity())
                .addValue(entry.capability()).addValue(entry.commandId()).addValue(entry.payloadDigest())
                .addValue(entry.outcome()).addValue(entry.reasonCode())
                .addValue(entry.occurredAt().atOffset(ZoneOffset.UTC));
        return client.preparedQuery("""
                        INSERT INTO audit_log (id, tenant_id, actor, action, device_id, device_identity, capability,
                            command_id, payload_digest, outcome, reason_code, occurred_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
                .execute(values).replaceWithVoid();
    }

    /**
     * @param tenant null for every tenant (platform admin)
     * @param device null for every device
     */
    public Uni<PageResult<AuditEntry>> page(String tenant, UUID device, PageRequest page) {
        String where = " WHERE ($1::varchar IS NULL OR tenant_id = $1) AND ($2::uuid IS NULL OR device_id = $2)";
        Tuple filter = Tuple.of(tenant, device);
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM audit_log" + where).execute(filter)
                .map(rows -> rows.iterator().next().getLong("n"));
        Uni<List<AuditEntry>> items = pool.preparedQuery("SELECT * FROM audit_log" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT $3 OFFSET $4")
                .execute(Tuple.of(tenant, device, page.size(), page.offset()))
                .map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
        return Uni.combine().all().unis(items, total).asTuple()
                .map(both -> new PageResult<>(both.getItem1(), both.getItem2()));
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getUUID("id"), row.getString("tenant_id"), row.getString("actor"),
                row.getString("action"), row.getUUID("device_id"), row.getString("device_identity"),
                row.getString("capability"), row.getUUID("command_id"), row.getString("payload_digest"),
                row.getString("outcome"), row.getString("reason_code"), row.getOffsetDateTime("occurred_at").toInstant());
    }
}
