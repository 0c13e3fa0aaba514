package io.chargeplane.billing.domain.tariff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Local dates that switch the slot map: public holidays, and make-up working days that fall on a weekend
 * (China moves working days around its holidays, so a Sunday can be billed as a workday).
 *
 * @param name e.g. {@code cn-2026}; shown nowhere in rating, it lets operators share a calendar between tariffs
 */
public record HolidayCalendar(String name, Set<LocalDate> holidays, Set<LocalDate> workdays) {

    public static final HolidayCalendar NONE = new HolidayCalendar("none", Set.of(), Set.of());

    public HolidayCalendar {
        Check.code(name, "name");
        holidays = Set.copyOf(Check.present(holidays, "holidays"));
        workdays = Set.copyOf(Check.present(workdays, "workdays"));
        for (LocalDate date : holidays) {
            Check.that(!workdays.contains(date), "workdays", date + " is also listed as a holiday");
        }
    }

    /** The calendar's verdict for a local date, before a tariff falls back for a missing map. */
    public DayType dayType(LocalDate date) {
        if (holidays.contains(date)) {
            return DayType.HOLIDAY;
        }
        if (workdays.contains(date)) {
            return DayType.WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? DayType.WEEKEND : DayType.WORKDAY;
    }
}
