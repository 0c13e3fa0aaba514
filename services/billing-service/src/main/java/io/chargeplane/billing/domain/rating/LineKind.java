package io.chargeplane.billing.domain.rating;

/** What an invoice line charges or credits; credits carry negative amounts. */
public enum LineKind {
    /** Electricity of one rate and tier, in kWh. */
    ELECTRICITY,
    /** Service fee of one rate, in kWh. */
    SERVICE,
    /** Charging time, in minutes (pro rata). */
    CHARGING_TIME,
    SESSION_FEE,
    /** Raises the charging charge to the tariff's minimum. */
    MINIMUM_ADJUSTMENT,
    /** Lowers the charging charge to the tariff's cap (negative). */
    CAP_ADJUSTMENT,
    COUPON_FREE_ENERGY,
    COUPON_FIXED,
    COUPON_PERCENTAGE,
    /** Overstay after charging, in started minutes beyond the grace period. */
    IDLE,
    /** Lowers the idle fee to its cap (negative). */
    IDLE_CAP,
    /** Parking, in started units beyond the free period. */
    PARKING,
    /** Lowers the parking fee to its cap (negative). */
    PARKING_CAP
}
