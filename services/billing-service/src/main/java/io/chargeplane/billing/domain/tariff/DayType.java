package io.chargeplane.billing.domain.tariff;

/**
 * Which slot map a local date uses. A holiday calendar decides: listed holidays are {@link #HOLIDAY}, listed
 * make-up working days (调休) are {@link #WORKDAY} even on a weekend, other Saturdays and Sundays are
 * {@link #WEEKEND}. A tariff without a weekend or holiday map uses its workday map for those days.
 */
public enum DayType {
    WORKDAY,
    WEEKEND,
    HOLIDAY
}
