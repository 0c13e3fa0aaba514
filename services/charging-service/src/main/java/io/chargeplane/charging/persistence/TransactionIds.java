package io.chargeplane.charging.persistence;

import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

import static io.chargeplane.charging.persistence.SessionStore.utc;

/**
 * OCPP 1.6 transaction ids from one PostgreSQL sequence: unique platform-wide across every instance, and the
 * assignment is kept so that the transaction events that follow can be traced to the request.
 */
@ApplicationScoped
public class TransactionIds {

    /** Takes the next id and records what it was assigned to, in one statement. */
    public Uni<Long> assign(SqlClient c, TenantId tenant, DeviceId device, StartTransactionRequest request,
                            AuthorizationStatus status, String sessionId, Instant now) {
        return c.preparedQuery("insert into transaction_assignments (transaction_id, tenant_id, device_id, evse,"
                        + " connector, id_token, status, session_id, assigned_at)"
                        + " values (nextval('ocpp_transaction_ids'), $1, $2, $3, $4, $5, $6, $7, $8) returning transaction_id")
                .execute(Tuple.from(new Object[]{tenant.value(), device.value(), request.evse().value(),
                        request.connector().value(), request.idToken().value(), status.name(), sessionId, utc(now)}))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
