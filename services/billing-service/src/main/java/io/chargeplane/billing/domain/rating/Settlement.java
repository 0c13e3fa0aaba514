package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.IdleFee;
import io.chargeplane.billing.domain.tariff.ParkingFee;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a metering and the session's facts into itemised lines, in this order: electricity, service, charging
 * time, session fee, minimum or cap adjustment, coupons, idle fee (and its cap), parking (and its cap).
 */
final class Settlement {

    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    private final CompiledTariff tariff;
    private final TariffVersion version;
    private final Pricing pricing;
    private final List<RatedLine> lines = new ArrayList<>();

    private Settlement(CompiledTariff tariff) {
        this.tariff = tariff;
        this.version = tariff.version;
        this.pricing = new Pricing(tariff.version);
    }

    static Bill settle(CompiledTariff tariff, Metering metering, SessionFacts facts) {
        return new Settlement(tariff).bill(metering, facts);
    }

    private Bill bill(Metering metering, SessionFacts facts) {
        boolean delivered = metering.energy().milliwattHours() > 0;
        long charging = EnergyLines.add(tariff, pricing, metering, lines);
        charging += chargingTime(metering);
        if (delivered) {
            charging += flat(LineKind.SESSION_FEE, version.sessionFee());
            charging += minimumAndCap(charging);
        }
        for (RatedLine coupon : CouponStack.apply(tariff, pricing, metering, facts.coupons(), charging)) {
            lines.add(coupon);
            charging += coupon.amount().minorUnits();
        }
        long other = idle(metering, facts) + parking(facts);
        return new Bill(version.version(), metering, lines, money(charging), money(Math.addExact(charging, other)));
    }

    private long chargingTime(Metering metering) {
        BigDecimal perMinute = version.chargingTimePerMinute();
        if (perMinute.signum() == 0 || metering.chargingNanos() == 0) {
            return 0;
        }
        long amount = pricing.time(tariff.chargingTime, metering.chargingNanos());
        BigDecimal minutes = BigDecimal.valueOf(
                Pricing.divide(metering.chargingNanos(), Pricing.NANOS_PER_MINUTE / 1_000, RoundingMode.HALF_UP), 3);
        lines.add(new RatedLine(LineKind.CHARGING_TIME, null, null, null, minutes, "min", perMinute, money(amount),
                pricing.rounding()));
        return amount;
    }

    private long minimumAndCap(long charging) {
        Money minimum = version.minimum();
        if (minimum != null && charging < minimum.minorUnits()) {
            return flat(LineKind.MINIMUM_ADJUSTMENT, money(minimum.minorUnits() - charging));
        }
        Money cap = version.cap();
        if (cap != null && charging > cap.minorUnits()) {
            return flat(LineKind.CAP_ADJUSTMENT, money(cap.minorUnits() - charging));
        }
        return 0;
    }

    private long idle(Metering metering, SessionFacts facts) {
        IdleFee idle = version.idle();
        if (idle == null || facts.unpluggedAt() == null) {
            return 0;
        }
        if (facts.unpluggedAt().isBefore(metering.end())) {
            throw new RatingInputException("unpluggedAt", "must not be before charging ended (" + metering.end()
                    + "), was " + facts.unpluggedAt());
        }
        Duration overstay = Duration.between(metering.end(), facts.unpluggedAt()).minus(idle.grace());
        long minutes = Pricing.startedUnits(overstay, ONE_MINUTE);
        if (minutes == 0) {
            return 0;
        }
        long amount = pricing.units(tariff.idlePerMinute, minutes);
        lines.add(new RatedLine(LineKind.IDLE, null, null, null, BigDecimal.valueOf(minutes), "min",
                idle.perMinute(), money(amount), pricing.rounding()));
        return amount + capped(LineKind.IDLE_CAP, amount, idle.cap());
    }

    private long parking(SessionFacts facts) {
        ParkingFee parking = version.parking();
        if (parking == null || facts.parking() == null) {
            return 0;
        }
        long units = Pricing.startedUnits(facts.parking().duration().minus(parking.freePeriod()), parking.unit());
        if (units == 0) {
            return 0;
        }
        long amount = pricing.units(tariff.parkingPerUnit, units);
        lines.add(new RatedLine(LineKind.PARKING, null, null, null, BigDecimal.valueOf(units), parking.unit().toString(),
                parking.perUnit(), money(amount), pricing.rounding()));
        return amount + capped(LineKind.PARKING_CAP, amount, parking.cap());
    }

    private long capped(LineKind kind, long amount, Money cap) {
        if (cap == null || amount <= cap.minorUnits()) {
            return 0;
        }
        return flat(kind, money(cap.minorUnits() - amount));
    }

    private long flat(LineKind kind, Money amount) {
        if (amount == null || amount.minorUnits() == 0) {
            return 0;
        }
        lines.add(RatedLine.flat(kind, null, amount, RoundingMode.UNNECESSARY));
        return amount.minorUnits();
    }

    private Money money(long minor) {
        return Money.ofMinor(minor, pricing.currency());
    }
}
