package io.chargeplane.platform.tenant;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;

import java.util.Set;

/**
 * Decides a request's {@link TenantScope} from the token's {@code tenant} claim, the caller's roles and the
 * tenant the request names (a header or query parameter), with no framework in the way so the rules can
 * be tested on their own.
 */
public final class TenantResolver {

    private TenantResolver() {
    }

    /**
     * @param claim     the token's {@code tenant} claim, {@code null} when absent
     * @param roles     the caller's realm roles
     * @param requested the tenant the request names, {@code null} when it names none
     */
    public static TenantScope resolve(String claim, Set<String> roles, String requested) {
        if (roles.contains(Roles.PLATFORM_ADMIN)) {
            return requested == null || requested.isBlank()
                    ? new TenantScope.AllTenants()
                    : new TenantScope.Single(parse(requested, "requested tenant"));
        }
        if (roles.contains(Roles.SERVICE) && (claim == null || claim.isBlank())) {
            if (requested == null || requested.isBlank()) {
                throw new ProblemException(ErrorCode.TENANT_MISSING,
                        "a service call names the tenant it acts for in the " + TenantContext.TENANT_HEADER + " header");
            }
            return new TenantScope.Single(parse(requested, "requested tenant"));
        }
        if (claim == null || claim.isBlank()) {
            throw new ProblemException(ErrorCode.TENANT_MISSING, "the token carries no tenant claim");
        }
        TenantId own = parse(claim, "tenant claim");
        if (requested != null && !requested.isBlank() && !requested.equals(own.value())) {
            throw new ProblemException(ErrorCode.TENANT_FORBIDDEN,
                    "the caller belongs to another tenant than '" + requested + "'");
        }
        return new TenantScope.Single(own);
    }

    private static TenantId parse(String value, String what) {
        try {
            return TenantId.of(value);
        } catch (ModelValidationException e) {
            throw ProblemException.invalidField("tenant", what + " " + e.reason());
        }
    }
}
