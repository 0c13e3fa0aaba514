package io.chargeplane.charging.api;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.TenantContext;
import io.chargeplane.charging.domain.SessionTransitions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Runs every change under the {@code Idempotency-Key} contract, scoped by tenant, caller and operation, and turns
 * domain failures into problems so that they are remembered as answers too.
 */
@ApplicationScoped
public class Mutations {

    private final IdempotentRequests idempotent;

    public Mutations(IdempotentRequests idempotent) {
        this.idempotent = idempotent;
    }

    Uni<Response> run(TenantContext context, TenantId tenant, String operation, String key, Object body,
                      Supplier<Uni<Response>> change) {
        String scope = tenant + "|" + context.subject() + "|" + operation;
        return idempotent.execute(scope, key, body, () -> Uni.createFrom().deferred(change::get)
                .onFailure().transform(Mutations::toProblem));
    }

    static Throwable toProblem(Throwable f) {
        if (f instanceof ModelValidationException e) {
            return ProblemException.invalidField(e.field(), e.reason());
        }
        if (f instanceof SessionTransitions.IllegalTransitionException e) {
            return new ProblemException(ErrorCode.CONFLICT, e.getMessage());
        }
        return f;
    }
}
