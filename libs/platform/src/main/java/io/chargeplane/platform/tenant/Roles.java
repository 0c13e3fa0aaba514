package io.chargeplane.platform.tenant;

/** The realm roles of the {@code chargeplane} Keycloak realm, as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String OPERATOR_ADMIN = "operator-admin";
    public static final String OPERATOR_STAFF = "operator-staff";
    public static final String DRIVER = "driver";
    public static final String PARTNER = "partner";
    /**
     * Service accounts (charging-service, billing-service ...): no tenant claim, they act for the one tenant each
     * call names in {@value TenantContext#TENANT_HEADER}.
     */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
