package io.chargeplane.charging.persistence;

import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.OfflinePolicySetting;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.chargeplane.charging.persistence.SessionStore.utc;

/** Each tenant's offline policy: the source of truth that the retained bus messages are republished from. */
@ApplicationScoped
public class PolicyStore {

    private final Pool pool;

    public PolicyStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<OfflinePolicySetting> find(TenantId tenant) {
        return pool.preparedQuery("select * from offline_policies where tenant_id = $1").execute(Tuple.of(tenant.value()))
                .map(rows -> rows.iterator().hasNext() ? read(rows.iterator().next()) : null);
    }

    public Uni<Void> save(TenantId tenant, OfflinePolicySetting setting, Instant now) {
        return pool.preparedQuery("insert into offline_policies (tenant_id, policy, known_token_ttl, updated_at)"
                        + " values ($1, $2, $3, $4) on conflict (tenant_id) do update set policy = excluded.policy,"
                        + " known_token_ttl = excluded.known_token_ttl, updated_at = excluded.updated_at")
                .execute(Tuple.of(tenant.value(), setting.policy(), setting.knownTokenTtl().toString(), utc(now)))
                .replaceWithVoid();
    }

    public Uni<Map<TenantId, OfflinePolicySetting>> all() {
        return pool.query("select * from offline_policies").execute().map(rows -> {
            Map<TenantId, OfflinePolicySetting> all = new HashMap<>();
            rows.forEach(row -> all.put(TenantId.of(row.getString("tenant_id")), read(row)));
            return all;
        });
    }

    private static OfflinePolicySetting read(Row row) {
        return new OfflinePolicySetting(row.getString("policy"), Duration.parse(row.getString("known_token_ttl")));
    }
}
