package io.chargeplane.tools.loadgen;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Writes the bridge's station credentials file ({@code chargeplane.bridge.credentials.file}) for the simulated
 * stations: {@code <id>.tenant}, {@code <id>.password-hash} as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.
 *
 * <p>All stations share one password and therefore one hash: hashing 19,000 passwords at the bridge's default
 * work factor would take hours, while the bridge still verifies every connection in full (the cost it pays per
 * handshake does not depend on whether two stations share a salt).
 */
public final class CredentialsFile {

    private CredentialsFile() {
    }

    public static void write(Path file, Settings stations, String tenant, int iterations) throws IOException {
        String hash = hash(stations.password(), iterations);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Simulated stations of the load generator (password hash only)\n");
            for (int i = 0; i < stations.chargers(); i++) {
                String id = stations.stationId(stations.firstStation() + i);
                out.write(id + ".tenant=" + tenant + "\n");
                out.write(id + ".password-hash=" + hash + "\n");
            }
        }
    }

    /** PBKDF2-HMAC-SHA256, 16-byte random salt, 32-byte key; base64 without padding, as the bridge writes it. */
    static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
