package io.chargeplane.bridge.core.spi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash (RFC 8018), in the text form
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}.
 *
 * <p>The key derivation runs over the password's raw bytes rather than through {@code PBEKeySpec}, which
 * only takes characters: OCPP 1.6 authorization keys may be arbitrary bytes. For UTF-8 text the result
 * equals the JDK's {@code PBKDF2WithHmacSHA256}. Comparison is constant-time.
 */
public final class PasswordHash {

    public static final String SCHEME = "pbkdf2-sha256";
    /** Default work factor for new hashes; verification takes whatever the stored hash says. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    static final int MIN_ITERATIONS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be >= " + MIN_ITERATIONS + ", was " + iterations);
        }
        if (salt.length < 8) {
            throw new IllegalArgumentException("salt must be at least 8 bytes");
        }
        if (hash.length < 16) {
            throw new IllegalArgumentException("hash must be at least 16 bytes");
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** Hashes a new password with a fresh random salt. */
    public static PasswordHash create(byte[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, pbkdf2(password, salt, iterations, HASH_BYTES));
    }

    public static PasswordHash create(String password) {
        return create(password.getBytes(StandardCharsets.UTF_8), DEFAULT_ITERATIONS);
    }

    /** Reads the text form; fails with a message naming what is wrong, never echoing the value. */
    public static PasswordHash parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("password hash is missing");
        }
        String[] parts = text.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("password hash must look like " + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return new PasswordHash(Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("password hash iterations are not a number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("password hash is malformed: " + e.getMessage());
        }
    }

    /** Whether the password produces this hash; the comparison takes the same time wherever they differ. */
    public boolean matches(byte[] password) {
        if (password == null) {
            return false;
        }
        return MessageDigest.isEqual(hash, pbkdf2(password, salt, iterations, hash.length));
    }

    public boolean matches(String password) {
        return password != null && matches(password.getBytes(StandardCharsets.UTF_8));
    }

    public int iterations() {
        return iterations;
    }

    public String format() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Never the hash itself: these objects end up in logs via records that hold them. */
    @Override
    public String toString() {
        return SCHEME + "(" + iterations + " iterations)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && MessageDigest.isEqual(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(salt);
    }

    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC keys may be empty in PBKDF2; SecretKeySpec refuses that, so an empty password gets one zero
            // byte, which HMAC pads to the same block anyway.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            int blockSize = mac.getMacLength();
            byte[] out = new byte[length];
            byte[] u = new byte[blockSize];
            byte[] t = new byte[blockSize];
            for (int block = 1, offset = 0; offset < length; block++, offset += blockSize) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, blockSize);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < blockSize; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, offset, Math.min(blockSize, length - offset));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
