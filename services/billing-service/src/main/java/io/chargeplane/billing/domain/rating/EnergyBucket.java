package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.model.unit.Energy;

/**
 * Energy delivered under one rate, on days using one slot map, within one step of the monthly ladder.
 *
 * @param dayType the slot map that applied (a weekend without a weekend map counts as {@code WORKDAY})
 * @param tier index into the tariff's tiers; 0 when it has none
 */
public record EnergyBucket(String rate, DayType dayType, int tier, Energy energy) {
}
