package io.chargeplane.billing.payment.sandbox;

import io.chargeplane.billing.payment.spi.InvalidNotificationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The sandbox's callback signature, header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code <t>.<raw body>}. The timestamp inside the signed text stops an old notification from being replayed
 * later; the comparison runs in constant time.
 */
public final class SandboxSignature {

    public static final String HEADER = "sandbox-signature";

    private final byte[] key;

    public SandboxSignature(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /** @throws InvalidNotificationException when the header is absent, malformed, stale or does not match */
    public void verify(String header, byte[] body, Instant now, Duration maxAge) {
        if (header == null || header.isBlank()) {
            throw new InvalidNotificationException("the " + HEADER + " header is missing");
        }
        Long t = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            try {
                if (kv[0].equals("t")) {
                    t = Long.parseLong(kv[1]);
                } else if (kv[0].equals("v1")) {
                    given = HexFormat.of().parseHex(kv[1]);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidNotificationException("the " + HEADER + " header is malformed", e);
            }
        }
        if (t == null || given == null) {
            throw new InvalidNotificationException("the " + HEADER + " header needs t= and v1=");
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(maxAge) > 0) {
            throw new InvalidNotificationException("the signature's timestamp is too old or in the future");
        }
        if (!MessageDigest.isEqual(mac(t, body), given)) {
            throw new InvalidNotificationException("the signature does not match the body");
        }
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
