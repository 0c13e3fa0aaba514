package io.chargeplane.device.api;

import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * The answer of a change that issues a secret: {@code remembered} is stored for replays and must not hold it;
     * {@code firstOnly} is the same answer with the secret, given only to the request that ran the change.
     */
    record Revealing(Response remembered, Response firstOnly) {
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

    /**
     * {@link #run} for changes that issue a secret. The Idempotency-Key store keeps the answer without the secret,
     * so a repeat gets the first answer minus the secret (marked replayed) and no second secret is made; a caller
     * that lost the first answer rotates the secret.
     */
    Uni<Response> runRevealingOnce(TenantContext context, TenantId tenant, String operation, String key, String ifMatch,
                                   Object body, Supplier<Uni<Revealing>> change) {
        AtomicReference<Response> firstOnly = new AtomicReference<>();
        return run(context, tenant, operation, key, ifMatch, body, () -> change.get().map(answer -> {
            firstOnly.set(answer.firstOnly());
            return answer.remembered();
        })).map(answer -> {
            Response revealing = firstOnly.get();
            return revealing != null && revealing.getStatus() == answer.getStatus() ? revealing : answer;
        });
    }
}
