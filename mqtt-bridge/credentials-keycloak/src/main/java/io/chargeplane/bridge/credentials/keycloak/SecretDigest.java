package io.chargeplane.bridge.credentials.keycloak;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salted hashes of verified secrets, so the cache never holds a clear secret: HMAC-SHA256 under a random key
 * made when this object is (once per process), over the station id and the secret. The key never leaves
 * memory, so a heap dump's digests cannot be checked against guesses elsewhere, and a restart forgets them.
 * A fast keyed hash is enough here: it only has to recognise a secret that Keycloak accepted minutes ago.
 */
final class SecretDigest {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    SecretDigest() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, ALGORITHM);
    }

    /** The digest of this station's secret; a null secret has a digest of its own. */
    Digest of(String stationId, byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(stationId.getBytes(StandardCharsets.UTF_8));
            // A separator that no station id contains keeps ("ab", "c") and ("a", "bc") apart; the flag keeps a
            // missing secret apart from an empty one.
            mac.update((byte) 0);
            mac.update(secret == null ? (byte) 0 : (byte) 1);
            if (secret != null) {
                mac.update(secret);
            }
            return new Digest(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** A digest compared in constant time; {@code toString} never shows it. */
    static final class Digest {
        private final byte[] bytes;

        private Digest(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest that && MessageDigest.isEqual(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Digest(hmac-sha256)";
        }
    }
}
