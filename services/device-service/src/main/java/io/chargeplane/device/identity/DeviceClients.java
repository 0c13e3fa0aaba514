package io.chargeplane.device.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a device's Keycloak client, shared with the bridge that verifies against it: one confidential
 * client per device with a service account (client-credentials grant only), tenant, device and protocol as client
 * attributes, and mappers that put {@code tenant} and {@code device} claims into its tokens. Enabled means the
 * device may connect.
 */
public final class DeviceClients {

    public static final String CLIENT_ID_PREFIX = "device-";
    public static final String TENANT_ATTRIBUTE = "chargeplane.tenant";
    public static final String DEVICE_ATTRIBUTE = "chargeplane.device";
    public static final String PROTOCOL_ATTRIBUTE = "chargeplane.protocol";
    /** When device-service created the client; lets the reconciliation tell an abandoned client from one in flight. */
    public static final String CREATED_ATTRIBUTE = "chargeplane.created-at";
    public static final String TENANT_CLAIM = "tenant";
    public static final String DEVICE_CLAIM = "device";

    private DeviceClients() {
    }

    /** The client id of the device with registry identity {@code identity} (the OCPP station id). */
    public static String clientId(String identity) {
        return CLIENT_ID_PREFIX + identity;
    }

    /**
     * The representation a new device client is created from.
     *
     * @param protocol the protocol's wire name, e.g. {@code ocpp1.6}
     */
    public static Map<String, Object> representation(String tenant, String identity, String protocol,
                                                     boolean enabled, String secret, Instant createdAt) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId(identity));
        client.put("name", "Device " + identity);
        client.put("description", "Device identity of " + identity + " (tenant " + tenant + "), managed by device-service");
        client.put("enabled", enabled);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", secret);
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("frontchannelLogout", false);
        // A device holds no platform role: its tokens carry only who it is.
        client.put("fullScopeAllowed", false);
        client.put("attributes", Map.of(TENANT_ATTRIBUTE, tenant, DEVICE_ATTRIBUTE, identity,
                PROTOCOL_ATTRIBUTE, protocol, CREATED_ATTRIBUTE, createdAt.toString()));
        client.put("protocolMappers", List.of(claim(TENANT_CLAIM, tenant), claim(DEVICE_CLAIM, identity)));
        return client;
    }

    /** A claim with a fixed value in access tokens and introspection, not in ID tokens or userinfo. */
    private static Map<String, Object> claim(String name, String value) {
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", "oidc-hardcoded-claim-mapper",
                "config", Map.of("claim.name", name, "claim.value", value, "jsonType.label", "String",
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false"));
    }
}
