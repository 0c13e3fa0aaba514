package io.chargeplane.billing.domain.rating;

import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.unit.Energy;
import java.time.Instant;

/** The cumulative energy register of a connector's meter at an instant. */
public record MeterReading(Instant at, Energy register) {

    public MeterReading {
        if (at == null) {
            throw new RatingInputException("at", "is required");
        }
        if (register == null) {
            throw new RatingInputException("register", "is required");
        }
    }

    public static MeterReading of(Instant at, long registerMilliwattHours) {
        return new MeterReading(at, Energy.ofMilliwattHours(registerMilliwattHours));
    }

    public static MeterReading from(MeterSample sample) {
        return new MeterReading(sample.timestamp(), sample.energyRegister());
    }
}
