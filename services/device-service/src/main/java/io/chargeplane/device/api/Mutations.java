package io.chargeplane.device.api;

import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Runs every change of the registry under the {@code Idempotency-Key} contract, scoped by the tenant acted
 * for, the caller and the operation, so a retried request gets the first answer and never changes twice.
 */
@ApplicationScoped
public class Mutations {

    private final IdempotentRequests idempotent;

    public Mutations(IdempotentRequests idempotent) {
        this.idempotent = idempotent;
    }

    /** What a key is bound to: the body and, for changes of existing resources, the {@code If-Match} precondition. */
    record Fingerprint(String ifMatch, Object body) {
    }

    /**
     * @param operation e.g. {@code PATCH /api/v1/sites/<id>}
     * @param change    runs at most once per key; rule violations are answered as (remembered) problems
     */
    Uni<Response> run(TenantContext context, TenantId tenant, String operation, String key, String ifMatch,
                      Object body, Supplier<Uni<Response>> change) {
        String scope = tenant + "|" + context.subject() + "|" + operation;
        return idempotent.execute(scope, key, new Fingerprint(ifMatch, body),
                () -> Uni.createFrom().deferred(change::get).onFailure().transform(ApiErrors::toProblem));
    }
}
