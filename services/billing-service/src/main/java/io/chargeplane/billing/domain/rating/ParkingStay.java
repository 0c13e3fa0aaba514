package io.chargeplane.billing.domain.rating;

import java.time.Duration;
import java.time.Instant;

/** A vehicle's stay on the bay, from the gate or lock events that bracket it. */
public record ParkingStay(Instant entered, Instant left) {

    public ParkingStay {
        if (entered == null) {
            throw new RatingInputException("parking.entered", "is required");
        }
        if (left == null || left.isBefore(entered)) {
            throw new RatingInputException("parking.left", "must not be before entered (" + entered + "), was " + left);
        }
    }

    public Duration duration() {
        return Duration.between(entered, left);
    }
}
