package io.chargeplane.billing.domain.rating;

import java.time.Instant;
import java.util.List;

/**
 * What a session's bill depends on besides its metering: facts about the session as a whole, so they are
 * settled once per session however its metering was put together.
 *
 * @param unpluggedAt when the connector was freed; null when unknown (no idle fee). Idle time runs from the
 *                    end of the metering to this instant.
 * @param parking null when the session had no known stay
 * @param coupons applied by the rules in {@link Coupon}
 */
public record SessionFacts(Instant unpluggedAt, ParkingStay parking, List<Coupon> coupons) {

    public static final SessionFacts NONE = new SessionFacts(null, null, List.of());

    public SessionFacts {
        if (coupons == null) {
            throw new RatingInputException("coupons", "are required (may be empty)");
        }
        for (int i = 0; i < coupons.size(); i++) {
            if (coupons.get(i) == null) {
                throw new RatingInputException("coupons[" + i + "]", "is required");
            }
        }
        coupons = List.copyOf(coupons);
    }

    public static SessionFacts coupons(Coupon... coupons) {
        return new SessionFacts(null, null, List.of(coupons));
    }

    public SessionFacts withUnpluggedAt(Instant at) {
        return new SessionFacts(at, parking, coupons);
    }

    public SessionFacts withParking(ParkingStay stay) {
        return new SessionFacts(unpluggedAt, stay, coupons);
    }
}
