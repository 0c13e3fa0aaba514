package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.EnergyTier;
import io.chargeplane.billing.domain.tariff.HolidayCalendar;
import io.chargeplane.billing.domain.tariff.IdleFee;
import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.SlotMap;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Seeded generators for property tests: random tariffs (zones with and without daylight saving and a
 * quarter-hour offset, currencies with 0, 2 and 3 decimals, every rounding mode, tiers, fees, caps) and random
 * sessions (irregular sample times to the nanosecond, idle intervals, sessions across DST changes).
 */
final class RandomRating {

    private static final String[] ZONES = {"Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kathmandu",
            "Australia/Lord_Howe", "UTC"};
    private static final String[] CURRENCIES = {"CNY", "EUR", "JPY", "KWD"};
    private static final RoundingMode[] ROUNDINGS = {RoundingMode.HALF_UP, RoundingMode.HALF_EVEN,
            RoundingMode.HALF_DOWN, RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR};
    private static final long YEAR_2026 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private RandomRating() {
    }

    /**
     * Runs {@code property} on {@code cases} random cases. A failure reports the case's seed; rerun one case with
     * {@code -Drating.seed=<seed> -Drating.cases=1}.
     */
    static void forAll(int cases, Consumer<Random> property) {
        String fixed = System.getProperty("rating.seed");
        long base = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        int count = fixed != null ? Integer.getInteger("rating.cases", cases) : cases;
        for (int i = 0; i < count; i++) {
            long seed = base + i;
            try {
                property.accept(new Random(seed));
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("case " + i + " failed with seed " + seed
                        + " (rerun: -Drating.seed=" + seed + " -Drating.cases=1): " + failure.getMessage(), failure);
            }
        }
    }

    static TariffVersion tariff(Random random) {
        int rateCount = 1 + random.nextInt(5);
        TariffVersion.Builder builder = TariffVersion.builder()
                .validFrom(Instant.parse("2020-01-01T00:00:00Z"))
                .zone(ZONES[random.nextInt(ZONES.length)])
                .currency(CURRENCIES[random.nextInt(CURRENCIES.length)])
                .rounding(ROUNDINGS[random.nextInt(ROUNDINGS.length)]);
        for (int i = 0; i < rateCount; i++) {
            builder.rate(new Rate("r" + i, price(random, 30_000), price(random, 20_000)));
        }
        builder.slotMap(DayType.WORKDAY, slotMap(random, rateCount));
        if (random.nextBoolean()) {
            builder.slotMap(DayType.WEEKEND, slotMap(random, rateCount));
        }
        if (random.nextBoolean()) {
            builder.slotMap(DayType.HOLIDAY, slotMap(random, rateCount));
        }
        builder.calendar(calendar(random));
        builder.tiers(tiers(random));
        if (random.nextBoolean()) {
            builder.chargingTimePerMinute(price(random, 5_000));
        }
        TariffVersion draft = builder.build();
        long unit = pow10(draft.currency().getDefaultFractionDigits());
        if (random.nextInt(4) == 0) {
            builder.sessionFee(Money.ofMinor(random.nextInt(500) * unit / 100, draft.currency()));
        }
        long minimum = random.nextInt(3) == 0 ? random.nextInt(2_000) * unit / 100 : -1;
        if (minimum >= 0) {
            builder.minimum(Money.ofMinor(minimum, draft.currency()));
        }
        if (random.nextInt(3) == 0) {
            builder.cap(Money.ofMinor(Math.max(minimum, 0) + random.nextInt(20_000) * unit / 100, draft.currency()));
        }
        if (random.nextBoolean()) {
            builder.idle(new IdleFee(Duration.ofMinutes(random.nextInt(20)), price(random, 2_000),
                    random.nextBoolean() ? null : Money.ofMinor(random.nextInt(10_000) * unit / 100, draft.currency())));
        }
        return builder.build();
    }

    /** A session of 2 to 150 readings, sometimes placed across the zone's next daylight-saving change. */
    static MeteredSession session(Random random, ZoneId zone) {
        long startNanos = startSecond(random, zone) * 1_000_000_000L + (random.nextBoolean() ? random.nextInt(1_000_000_000) : 0);
        int count = 2 + random.nextInt(149);
        long register = random.nextLong(0, 1_000_000_000_000L);
        long time = startNanos;
        List<MeterReading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            readings.add(MeterReading.of(MeteredSession.instant(time), register));
            time += gapNanos(random);
            register += energy(random);
        }
        return MeteredSession.of(readings);
    }

    /** An instant in the session's window, biased towards readings, local half hours and the window's ends. */
    static Instant instantIn(Random random, MeteredSession session) {
        long from = session.from;
        long to = session.to;
        return switch (random.nextInt(6)) {
            case 0 -> session.readings().get(random.nextInt(session.readings().size())).at();
            case 1 -> MeteredSession.instant(random.nextBoolean() ? from : to);
            case 2 -> {
                long t = from + (long) (random.nextDouble() * (to - from));
                long halfHour = 1_800_000_000_000L;
                long snapped = Math.floorDiv(t, halfHour) * halfHour + (random.nextBoolean() ? 0 : 900_000_000_000L);
                yield MeteredSession.instant(Math.max(from, Math.min(to, snapped)));
            }
            default -> MeteredSession.instant(from + (long) (random.nextDouble() * (to - from)));
        };
    }

    static Energy monthToDate(Random random) {
        return Energy.ofMilliwattHours(random.nextInt(4) == 0 ? 0 : random.nextLong(0, 300_000_000L));
    }

    /** A coupon set that obeys the stacking rules. */
    static List<Coupon> coupons(Random random, TariffVersion tariff) {
        List<Coupon> coupons = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(3)) {
                case 0 -> coupons.add(new Coupon.FixedAmount("fixed-" + i,
                        Money.ofMinor(1 + random.nextInt(5_000), tariff.currency()), true));
                case 1 -> coupons.add(new Coupon.FreeEnergy("free-" + i,
                        Energy.ofMilliwattHours(1 + random.nextLong(0, 20_000_000L)), true));
                default -> {
                    if (coupons.stream().noneMatch(Coupon.Percentage.class::isInstance)) {
                        coupons.add(new Coupon.Percentage("pct-" + i,
                                BigDecimal.valueOf(1 + random.nextInt(100_000), 3), true));
                    }
                }
            }
        }
        return coupons;
    }

    private static long startSecond(Random random, ZoneId zone) {
        long second = YEAR_2026 + random.nextLong(0, 365L * 86_400);
        if (random.nextInt(4) == 0) {
            ZoneOffsetTransition transition = zone.getRules().nextTransition(Instant.ofEpochSecond(YEAR_2026));
            if (transition != null) {
                second = transition.getInstant().getEpochSecond() - random.nextInt(6 * 3_600);
            }
        }
        return second;
    }

    private static long gapNanos(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 60_000_000_000L;
            case 1 -> random.nextLong(1, 5_000_000_000L);
            default -> random.nextLong(1_000_000_000L, 1_800_000_000_000L);
        };
    }

    private static long energy(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> random.nextInt(10);
            case 2 -> random.nextLong(0, 1_000_000_000L);
            default -> random.nextLong(0, 3_000_000L);
        };
    }

    private static BigDecimal price(Random random, int bound) {
        return BigDecimal.valueOf(random.nextInt(bound), random.nextInt(5));
    }

    private static SlotMap slotMap(Random random, int rateCount) {
        List<String> slots = new ArrayList<>();
        String current = "r" + random.nextInt(rateCount);
        for (int i = 0; i < SlotMap.SLOTS_PER_DAY; i++) {
            if (random.nextInt(4) == 0) {
                current = "r" + random.nextInt(rateCount);
            }
            slots.add(current);
        }
        return new SlotMap(slots);
    }

    private static HolidayCalendar calendar(Random random) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(366));
            if (random.nextBoolean()) {
                holidays.add(day);
            } else if (!holidays.contains(day)) {
                workdays.add(day);
            }
        }
        workdays.removeAll(holidays);
        return new HolidayCalendar("random", holidays, workdays);
    }

    private static List<EnergyTier> tiers(Random random) {
        int count = random.nextInt(4);
        List<EnergyTier> tiers = new ArrayList<>();
        long from = 0;
        for (int i = 0; i < count; i++) {
            tiers.add(new EnergyTier(Energy.ofMilliwattHours(from), BigDecimal.valueOf(random.nextInt(3_000), 4)));
            from += 1 + random.nextLong(0, 150_000_000L);
        }
        return tiers;
    }

    private static long pow10(int digits) {
        long value = 1;
        for (int i = 0; i < digits; i++) {
            value *= 10;
        }
        return value;
    }
}
