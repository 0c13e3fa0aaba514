package io.chargeplane.bridge.ocpp.translate;

import java.time.Duration;

/**
 * The few choices translation leaves to deployment.
 *
 * @param heartbeatInterval the interval a station is told in the BootNotification answer
 */
public record TranslationSettings(Duration heartbeatInterval) {
    public TranslationSettings {
        if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive");
        }
    }

    public static TranslationSettings defaults() {
        return new TranslationSettings(Duration.ofMinutes(5));
    }
}
