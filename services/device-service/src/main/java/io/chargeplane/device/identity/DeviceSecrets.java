package io.chargeplane.device.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Device client secrets: 32 random bytes from a strong source, URL-safe Base64 without padding (43 characters). */
public final class DeviceSecrets {

    /** 256 bits: as strong as the HMAC keys Keycloak itself uses for tokens. */
    public static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
