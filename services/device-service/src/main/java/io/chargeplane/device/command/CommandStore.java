package io.chargeplane.device.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** {@code device_commands}: the command resources clients poll, completed when the device's result arrives. */
@ApplicationScoped
public class CommandStore {

    private static final String PENDING = "PENDING";

    private final Pool pool;
    private final ObjectMapper json;

    public CommandStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<Void> insert(SqlClient client, CommandRecord command) {
        Tuple values = Tuple.of(command.id(), command.tenant(), command.deviceId(), command.deviceIdentity(),
                        command.capability(), command.idempotencyKey())
                .addValue(command.requestedBy()).addValue(command.payload()).addValue(PENDING)
                .addValue(utc(command.requestedAt())).addValue(utc(command.deadline()));
        return client.preparedQuery("""
                        INSERT INTO device_commands (id, tenant_id, device_id, device_identity, capability,
                            idempotency_key, requested_by, payload, status, requested_at, deadline)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
                .execute(values).replaceWithVoid();
    }

    /**
     * Stores the result of a still pending command of that tenant and device; answers the completed command, or
     * null when there is none (unknown id, another device's answer, or a result already stored).
     */
    public Uni<CommandRecord> complete(UUID id, String tenant, String identity, CommandResult result) {
        return pool.preparedQuery("""
                        UPDATE device_commands SET status = $4, reason_code = $5, detail = $6, completed_at = $7
                        WHERE id = $1 AND tenant_id = $2 AND device_identity = $3 AND status = 'PENDING'
                        RETURNING *""")
                .execute(Tuple.of(id, tenant, identity, result.status().name(), result.reasonCode(),
                        write(result.detail())).addValue(utc(Instant.now())))
                .map(this::first);
    }

    /** @param tenant null for any tenant (platform admin) */
    public Uni<CommandRecord> find(String tenant, UUID id) {
        return pool.preparedQuery("SELECT * FROM device_commands WHERE id = $1 AND ($2::varchar IS NULL OR tenant_id = $2)")
                .execute(Tuple.of(id, tenant)).map(this::first);
    }

    private CommandRecord first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : record(rows.iterator().next());
    }

    private CommandRecord record(Row row) {
        String status = row.getString("status");
        OffsetDateTime completed = row.getOffsetDateTime("completed_at");
        return new CommandRecord(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("device_id"),
                row.getString("device_identity"), row.getString("capability"), row.getString("idempotency_key"),
                row.getString("requested_by"), row.getString("payload"),
                PENDING.equals(status) ? null : CommandStatus.valueOf(status), row.getString("reason_code"),
                read(row.getString("detail")), row.getOffsetDateTime("requested_at").toInstant(),
                row.getOffsetDateTime("deadline").toInstant(), completed == null ? null : completed.toInstant());
    }

    private String write(Map<String, String> detail) {
        try {
            return detail.isEmpty() ? null : json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command detail cannot be written", e);
        }
    }

    private Map<String, String> read(String detail) {
        try {
            return detail == null ? Map.of() : json.readValue(detail, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command detail in the database is corrupt", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
