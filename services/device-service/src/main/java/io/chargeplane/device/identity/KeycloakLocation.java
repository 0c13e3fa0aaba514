package io.chargeplane.device.identity;

import java.util.Optional;

/**
 * Where the Keycloak admin API and token endpoint of the device realm are. Both are derived from the OIDC server
 * URL this service already validates tokens against ({@code http://host/realms/chargeplane}), unless configured.
 *
 * @param baseUrl Keycloak's base URL without a trailing slash, e.g. {@code http://host:8180}
 * @param realm   the realm that holds the device clients
 */
public record KeycloakLocation(String baseUrl, String realm) {

    private static final String REALMS = "/realms/";

    public KeycloakLocation {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("chargeplane.device.identity.admin-url: not set and not derivable");
        }
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException("chargeplane.device.identity.realm: not set and not derivable");
        }
        baseUrl = stripSlashes(baseUrl);
    }

    /**
     * @param authServerUrl the OIDC server URL, e.g. {@code http://host/realms/chargeplane}; may be null when both
     *                      others are given
     */
    public static KeycloakLocation resolve(String authServerUrl, Optional<String> adminUrl, Optional<String> realm) {
        String server = authServerUrl == null ? "" : stripSlashes(authServerUrl.strip());
        int at = server.lastIndexOf(REALMS);
        String derivedBase = at < 0 ? null : server.substring(0, at);
        String derivedRealm = at < 0 ? null : server.substring(at + REALMS.length());
        return new KeycloakLocation(adminUrl.filter(s -> !s.isBlank()).orElse(derivedBase),
                realm.filter(s -> !s.isBlank()).orElse(derivedRealm));
    }

    /** {@code /admin/realms/<realm>/clients}, the collection of the realm's clients. */
    public String clients() {
        return baseUrl + "/admin/realms/" + realm + "/clients";
    }

    /** The realm's OAuth 2 token endpoint. */
    public String tokenEndpoint() {
        return baseUrl + REALMS + realm + "/protocol/openid-connect/token";
    }

    private static String stripSlashes(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
