package io.chargeplane.testkit.keycloak;

import java.util.List;

/**
 * Names and demo credentials of the {@code chargeplane} realm file shipped with the kit. Demo values only:
 * a deployment imports its own secrets.
 */
public final class DemoRealm {

    public static final String REALM = "chargeplane";

    /** Public client of the console; also allows password logins for tests and CLI demos. */
    public static final String CONSOLE_CLIENT = "chargeplane-console";

    /** Confidential clients with service accounts, one per deployable. */
    public static final List<String> SERVICE_CLIENTS = List.of("device-service", "charging-service",
            "billing-service", "settlement-service", "open-api", "mqtt-bridge");

    /** Demo users: one platform admin without tenant, then admin, staff and driver of {@code acme} and {@code volt}. */
    public static final List<String> USERS = List.of("platform-admin",
            "acme-admin", "acme-staff", "acme-driver", "volt-admin", "volt-staff", "volt-driver");

    public static final String ROLE_PLATFORM_ADMIN = "platform-admin";
    public static final String ROLE_OPERATOR_ADMIN = "operator-admin";
    public static final String ROLE_OPERATOR_STAFF = "operator-staff";
    public static final String ROLE_DRIVER = "driver";
    public static final String ROLE_PARTNER = "partner";
    /** Held by every service account: a service acting for itself, across tenants. */
    public static final String ROLE_SERVICE = "service";

    public static final String TENANT_CLAIM = "tenant";

    private DemoRealm() {
    }

    /** The demo secret of a service client, as written in the realm file. */
    public static String clientSecret(String clientId) {
        if (!SERVICE_CLIENTS.contains(clientId)) {
            throw new IllegalArgumentException("Not a confidential client of the demo realm: " + clientId);
        }
        return clientId + "-demo-secret";
    }

    /** The demo password of a demo user, as written in the realm file. */
    public static String password(String username) {
        if (!USERS.contains(username)) {
            throw new IllegalArgumentException("Not a demo user: " + username);
        }
        return username + "-demo";
    }
}
