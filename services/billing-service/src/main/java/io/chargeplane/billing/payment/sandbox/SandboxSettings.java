package io.chargeplane.billing.payment.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the sandbox channel behaves.
 *
 * @param secret           the HMAC-SHA256 key that signs and verifies callbacks
 * @param callbackUrl      where notifications go, resolved when one is sent (the port may be chosen at start)
 * @param notifyDelay      how long after creation a payment completes and its notification is sent
 * @param maxAttempts      delivery attempts per notification while the callback does not answer 2xx
 * @param signatureMaxAge  how old a signed timestamp may be when a callback is verified
 */
public record SandboxSettings(String secret, Supplier<URI> callbackUrl, Duration notifyDelay, int maxAttempts,
                              Duration signatureMaxAge) {

    public SandboxSettings {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("secret: at least 16 characters");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: at least 1");
        }
    }
}
