package io.chargeplane.charging.persistence;

import io.chargeplane.charging.domain.TokenRecord;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.chargeplane.charging.persistence.SessionStore.utc;

/** Identification tokens per tenant; the device request path reads one row by primary key. */
@ApplicationScoped
public class TokenStore {

    private final Pool pool;

    public TokenStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<TokenRecord> find(TenantId tenant, String uid) {
        return pool.preparedQuery("select * from id_tokens where tenant_id = $1 and uid = $2")
                .execute(Tuple.of(tenant.value(), uid))
                .map(rows -> rows.iterator().hasNext() ? read(rows.iterator().next()) : null);
    }

    public Uni<List<TokenRecord>> list(TenantId tenant, String owner, int page, int size) {
        String sql = "select * from id_tokens where tenant_id = $1" + (owner == null ? "" : " and owner = $4")
                + " order by created_at, uid limit $2 offset $3";
        Tuple args = Tuple.of(tenant.value(), size + 1, page * size);
        if (owner != null) {
            args.addValue(owner);
        }
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<TokenRecord> tokens = new ArrayList<>();
            rows.forEach(row -> tokens.add(read(row)));
            return tokens;
        });
    }

    /** Inserts a new token; answers false when the uid is taken in the tenant. */
    public Uni<Boolean> insert(TokenRecord t) {
        return pool.preparedQuery("insert into id_tokens (tenant_id, uid, type, owner, group_id, expires_at, blocked,"
                        + " created_at, updated_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8, $8, 1)"
                        + " on conflict do nothing")
                .execute(Tuple.from(new Object[]{t.tenant().value(), t.uid(), t.type().name(), t.owner(), t.groupId(),
                        utc(t.expiresAt()), t.blocked(), utc(t.createdAt())}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Replaces a token's changeable fields; null when it does not exist. */
    public Uni<TokenRecord> update(TokenRecord t) {
        return pool.preparedQuery("update id_tokens set type = $3, owner = $4, group_id = $5, expires_at = $6,"
                        + " blocked = $7, updated_at = $8, version = version + 1 where tenant_id = $1 and uid = $2"
                        + " returning *")
                .execute(Tuple.from(new Object[]{t.tenant().value(), t.uid(), t.type().name(), t.owner(), t.groupId(),
                        utc(t.expiresAt()), t.blocked(), utc(t.updatedAt())}))
                .map(rows -> rows.iterator().hasNext() ? read(rows.iterator().next()) : null);
    }

    public Uni<Boolean> delete(TenantId tenant, String uid) {
        return pool.preparedQuery("delete from id_tokens where tenant_id = $1 and uid = $2")
                .execute(Tuple.of(tenant.value(), uid)).map(rows -> rows.rowCount() == 1);
    }

    private static TokenRecord read(Row row) {
        return new TokenRecord(TenantId.of(row.getString("tenant_id")), row.getString("uid"),
                IdTokenType.valueOf(row.getString("type")), row.getString("owner"), row.getString("group_id"),
                instant(row.getOffsetDateTime("expires_at")), row.getBoolean("blocked"),
                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("updated_at")),
                row.getLong("version"));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
