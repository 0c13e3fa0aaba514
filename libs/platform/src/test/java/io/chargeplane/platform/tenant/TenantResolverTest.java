package io.chargeplane.platform.tenant;

import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantResolverTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId VOLT = TenantId.of("volt");

    @Test
    void operatorIsPinnedToTheTenantInItsToken() {
        TenantScope scope = TenantResolver.resolve("acme", Set.of(Roles.OPERATOR_ADMIN), null);
        assertEquals(ACME, scope.restrictedTo());
        assertTrue(scope.permits(ACME));
        assertFalse(scope.permits(VOLT));
    }

    @Test
    void operatorNamingItsOwnTenantIsAccepted() {
        assertEquals(ACME, TenantResolver.resolve("acme", Set.of(Roles.OPERATOR_STAFF), "acme").restrictedTo());
    }

    @Test
    void operatorNamingAnotherTenantIsRefused() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> TenantResolver.resolve("acme", Set.of(Roles.OPERATOR_ADMIN), "volt"));
        assertEquals(ErrorCode.TENANT_FORBIDDEN, e.errorCode());
    }

    @Test
    void tokenWithoutTenantClaimIsRefusedForTenantUsers() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> TenantResolver.resolve(null, Set.of(Roles.DRIVER), null));
        assertEquals(ErrorCode.TENANT_MISSING, e.errorCode());
    }

    @Test
    void platformAdminSeesAllTenantsOnlyWhenNamingNone() {
        TenantScope all = TenantResolver.resolve(null, Set.of(Roles.PLATFORM_ADMIN), null);
        assertNull(all.restrictedTo());
        assertTrue(all.permits(ACME) && all.permits(VOLT));

        TenantScope volt = TenantResolver.resolve(null, Set.of(Roles.PLATFORM_ADMIN), "volt");
        assertEquals(VOLT, volt.restrictedTo());
        assertFalse(volt.permits(ACME));
    }

    @Test
    void malformedTenantNameIsAValidationProblem() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> TenantResolver.resolve(null, Set.of(Roles.PLATFORM_ADMIN), "a/b"));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.errorCode());
        assertEquals("tenant", e.fieldErrors().getFirst().field());
    }

    @Test
    void serviceAccountActsForTheTenantItNames() {
        assertEquals(ACME, TenantResolver.resolve(null, Set.of(Roles.SERVICE), "acme").restrictedTo());
    }

    @Test
    void serviceAccountNamingNoTenantIsRefused() {
        ProblemException error = assertThrows(ProblemException.class,
                () -> TenantResolver.resolve(null, Set.of(Roles.SERVICE), null));
        assertEquals(ErrorCode.TENANT_MISSING, error.errorCode());
    }

    @Test
    void tenantUserHoldingTheServiceRoleStaysPinnedToItsClaim() {
        assertThrows(ProblemException.class,
                () -> TenantResolver.resolve("acme", Set.of(Roles.SERVICE, Roles.OPERATOR_ADMIN), "volt"));
    }
}
