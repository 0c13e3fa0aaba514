package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.SlotMap;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.zone.ZoneRules;

/** A tariff version turned into index tables, so the metering loop does no lookups by name. */
final class CompiledTariff {

    static final int DAY_TYPES = DayType.values().length;

    final TariffVersion version;
    final ZoneRules rules;
    final int rateCount;
    final int tierCount;
    /** [effective day type ordinal][slot] → rate index. */
    final int[][] slotRates = new int[DAY_TYPES][SlotMap.SLOTS_PER_DAY];
    /** Where each tier starts, in mWh of month-to-date energy; {0} when the tariff has no ladder. */
    final long[] tierFrom;
    /** [rate][tier] → electricity price including the tier's adjustment. */
    final Price[][] electricity;
    /** [rate] → service fee per kWh. */
    final Price[] service;
    final Price chargingTime;
    /** Null when the tariff has no idle fee or no parking fee. */
    final Price idlePerMinute;
    final Price parkingPerUnit;

    CompiledTariff(TariffVersion version) {
        this.version = version;
        this.rules = version.zone().getRules();
        this.rateCount = version.rates().size();
        for (DayType type : DayType.values()) {
            SlotMap map = version.slotMapFor(type);
            for (int slot = 0; slot < SlotMap.SLOTS_PER_DAY; slot++) {
                slotRates[type.ordinal()][slot] = version.rateIndex(map.slots().get(slot));
            }
        }
        if (version.tiers().isEmpty()) {
            tierFrom = new long[] {0};
        } else {
            tierFrom = version.tiers().stream().mapToLong(tier -> tier.from().milliwattHours()).toArray();
        }
        this.tierCount = tierFrom.length;
        this.electricity = new Price[rateCount][tierCount];
        this.service = new Price[rateCount];
        for (int rate = 0; rate < rateCount; rate++) {
            Rate definition = version.rates().get(rate);
            service[rate] = new Price(definition.servicePerKwh());
            for (int tier = 0; tier < tierCount; tier++) {
                BigDecimal adjustment = version.tiers().isEmpty()
                        ? BigDecimal.ZERO : version.tiers().get(tier).electricityAdjustmentPerKwh();
                electricity[rate][tier] = new Price(definition.electricityPerKwh().add(adjustment));
            }
        }
        this.chargingTime = new Price(version.chargingTimePerMinute());
        this.idlePerMinute = version.idle() == null ? null : new Price(version.idle().perMinute());
        this.parkingPerUnit = version.parking() == null ? null : new Price(version.parking().perUnit());
    }

    /** The slot map a local date uses, after the calendar and the fallback to the workday map. */
    int dayTypeOf(long localEpochDay) {
        DayType calendar = version.calendar().dayType(LocalDate.ofEpochDay(localEpochDay));
        return version.effectiveDayType(calendar).ordinal();
    }

    int bucketIndex(int rate, int dayType, int tier) {
        return (rate * DAY_TYPES + dayType) * tierCount + tier;
    }

    int bucketCount() {
        return rateCount * DAY_TYPES * tierCount;
    }
}
