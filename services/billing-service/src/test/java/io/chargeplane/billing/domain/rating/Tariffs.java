package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.HolidayCalendar;
import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.SlotMap;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/** Test tariffs with round prices, so expected bills can be worked out by hand. */
final class Tariffs {

    /** Workday: valley 00-08, flat 08-10, peak 10-19, sharp 19-21, flat 21-23, valley 23-24. */
    static final SlotMap WORKDAY = SlotMap.uniform(Rate.VALLEY)
            .with(LocalTime.of(8, 0), LocalTime.of(10, 0), Rate.FLAT)
            .with(LocalTime.of(10, 0), LocalTime.of(19, 0), Rate.PEAK)
            .with(LocalTime.of(19, 0), LocalTime.of(21, 0), Rate.SHARP)
            .with(LocalTime.of(21, 0), LocalTime.of(23, 0), Rate.FLAT);

    /** National Day 2026 as a holiday; Sunday 11 October 2026 as a make-up working day. */
    static final HolidayCalendar CN_2026 = new HolidayCalendar("cn-2026",
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3)),
            Set.of(LocalDate.of(2026, 10, 11)));

    private Tariffs() {
    }

    /**
     * CNY in Asia/Shanghai, rounding HALF_UP. Per kWh, electricity + service: sharp 1.20 + 0.80, peak 1.00 + 0.60,
     * flat 0.70 + 0.40, valley 0.30 + 0.20. Holidays all valley, weekends all flat.
     */
    static TariffVersion.Builder shanghai() {
        return TariffVersion.builder()
                .version(1)
                .validFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .zone("Asia/Shanghai")
                .currency("CNY")
                .rate(Rate.of(Rate.SHARP, "1.20", "0.80"))
                .rate(Rate.of(Rate.PEAK, "1.00", "0.60"))
                .rate(Rate.of(Rate.FLAT, "0.70", "0.40"))
                .rate(Rate.of(Rate.VALLEY, "0.30", "0.20"))
                .slotMap(DayType.WORKDAY, WORKDAY)
                .slotMap(DayType.HOLIDAY, SlotMap.uniform(Rate.VALLEY))
                .slotMap(DayType.WEEKEND, SlotMap.uniform(Rate.FLAT))
                .calendar(CN_2026);
    }
}
