package io.chargeplane.billing.api;

import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Runs every change under the {@code Idempotency-Key} contract, scoped by tenant, caller and operation: a retried
 * request gets the first answer. Below it, every posting is also idempotent on its business key, so even two
 * requests with different keys for one session or payment never post twice.
 */
@ApplicationScoped
public class Mutations {

    private final IdempotentRequests idempotent;

    public Mutations(IdempotentRequests idempotent) {
        this.idempotent = idempotent;
    }

    Uni<Response> run(String tenant, String caller, String operation, String key, Object body,
                      Supplier<Uni<Response>> change) {
        return idempotent.execute(tenant + "|" + caller + "|" + operation, key, body,
                () -> Uni.createFrom().deferred(change::get).onFailure().transform(ApiErrors::toProblem));
    }
}
