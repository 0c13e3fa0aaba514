package io.chargeplane.device.status;

import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Resolves the device an event names ({@code tenant} + canonical identity) to its registry row. */
@ApplicationScoped
public class DeviceDirectory {

    /** What the live status needs to know of a registered device. */
    public record DeviceRef(UUID id, String tenant, String identity, DeviceKind kind) {
    }

    private final Pool pool;

    public DeviceDirectory(Pool pool) {
        this.pool = pool;
    }

    /** The device, or null when the tenant has no device of that identity. */
    public Uni<DeviceRef> find(TenantId tenant, DeviceId identity) {
        return pool.preparedQuery("SELECT id, kind FROM devices WHERE tenant_id = $1 AND identity = $2")
                .execute(Tuple.of(tenant.value(), identity.value()))
                .map(rows -> first(rows, tenant, identity));
    }

    private static DeviceRef first(RowSet<Row> rows, TenantId tenant, DeviceId identity) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        return new DeviceRef(row.getUUID("id"), tenant.value(), identity.value(),
                DeviceKind.valueOf(row.getString("kind")));
    }
}
