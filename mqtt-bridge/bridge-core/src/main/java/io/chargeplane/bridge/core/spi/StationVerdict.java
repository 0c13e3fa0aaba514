package io.chargeplane.bridge.core.spi;

import java.util.Objects;

/**
 * What a {@link CredentialStore} decided about a connecting station. Adapters map it onto their protocol's
 * refusal before the protocol starts; for OCPP-J: {@link Unknown} and {@link Disabled} answer the upgrade with
 * 404, {@link Refused} with 401, {@link Accepted} continues with the handshake. A store that cannot decide (its
 * directory is unreachable or overloaded) fails the {@code Uni} with {@link CredentialsUnavailableException}
 * instead, so the station is told to retry rather than that its secret is wrong.
 */
public sealed interface StationVerdict {

    /** No station with this identity is registered. */
    record Unknown() implements StationVerdict {
    }

    /**
     * The station is registered but may not connect. Adapters treat it as unknown: a charger learns nothing
     * from the difference, and an operator disabling a station expects the same behaviour as deleting it.
     */
    record Disabled() implements StationVerdict {
    }

    /** The station is registered and enabled, but the presented secret is missing or wrong. */
    record Refused() implements StationVerdict {
    }

    /** The secret matched (or the station's security profile needs none): it may connect as this identity. */
    record Accepted(StationCredentials station) implements StationVerdict {
        public Accepted {
            Objects.requireNonNull(station, "station");
        }
    }

    StationVerdict UNKNOWN = new Unknown();
    StationVerdict DISABLED = new Disabled();
    StationVerdict REFUSED = new Refused();

    static StationVerdict accepted(StationCredentials station) {
        return new Accepted(station);
    }
}
