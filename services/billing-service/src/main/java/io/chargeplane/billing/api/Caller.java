package io.chargeplane.billing.api;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling. Drivers and operators get their tenant from {@link TenantContext}. Service accounts (role
 * {@value #SERVICE}) carry no tenant claim: they act for whichever tenant a call concerns and must name it in
 * {@value TenantContext#TENANT_HEADER}.
 */
@RequestScoped
public class Caller {

    /** The realm role of service accounts (charging-service and the like). */
    public static final String SERVICE = "service";

    private final TenantContext context;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public Caller(TenantContext context, SecurityIdentity identity, HttpServerRequest request) {
        this.context = context;
        this.identity = identity;
        this.request = request;
    }

    public TenantContext context() {
        return context;
    }

    /** The token's subject: the stable id of a driver's wallet. */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The tenant a service account acts for, from the header. */
    public TenantId serviceTenant() {
        String named = request.getHeader(TenantContext.TENANT_HEADER);
        if (named == null || named.isBlank()) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED,
                    "a service call names the tenant it acts for in the " + TenantContext.TENANT_HEADER + " header");
        }
        try {
            return TenantId.of(named.strip());
        } catch (ModelValidationException e) {
            throw ProblemException.invalidField("tenant", e.reason());
        }
    }
}
