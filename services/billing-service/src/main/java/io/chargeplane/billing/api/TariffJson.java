package io.chargeplane.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Tariffs on the wire. Each record maps one to one onto the domain builder ({@code TariffVersion.builder()} and
 * the records it takes), so a field's path in the JSON is the path a {@code TariffValidationException} names:
 * {@code versions[0].slotMaps.WORKDAY[17]}, {@code versions[1].rates[2].servicePerKwh}. Prices are decimal major
 * units (a JSON number or string), times are ISO-8601 ({@code 2026-01-01T00:00:00Z}, {@code PT15M}), money is
 * {@code {"minorUnits": 100, "currency": "CNY"}}.
 */
public final class TariffJson {

    private TariffJson() {
    }

    /**
     * A tariff with its versions, oldest first.
     *
     * @param id lower-case code, unique in the tenant (e.g. {@code hq-standard})
     * @param revision the stored row's revision, for {@code If-Match} on PUT; ignored on POST
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tariff(String id, String name, Scope scope, List<Version> versions, Long revision) {
    }

    /** Where it applies: nothing set = the whole tenant; a site; or one connector (site, device and connector). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scope(String site, String device, Integer connector) {
    }

    /** The changeable part of a tariff (PUT): its name and scope. Prices change only by a new version. */
    public record TariffUpdate(String name, Scope scope) {
    }

    /**
     * One version, as {@code TariffVersion.builder()} takes it.
     *
     * @param rounding a {@link java.math.RoundingMode} name; HALF_UP when absent
     * @param slotMaps {@code WORKDAY} (required), {@code WEEKEND}, {@code HOLIDAY}: 48 rate codes each, slot 0 is
     *                 00:00–00:30 local time
     * @param calendar the holiday calendar inline, or
     * @param calendarName a stored calendar of the tenant, copied into the version when it is created (a version
     *                     never changes afterwards, not even when the calendar does)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(Integer version, String validFrom, String zone, String currency, String rounding,
                          List<Rate> rates, Map<String, List<String>> slotMaps, Calendar calendar, String calendarName,
                          List<Tier> tiers, BigDecimal chargingTimePerMinute, Idle idle, Parking parking,
                          Dtos.Amount sessionFee, Dtos.Amount minimum, Dtos.Amount cap) {

        Version withCalendar(Calendar inline) {
            return new Version(version, validFrom, zone, currency, rounding, rates, slotMaps, inline, null, tiers,
                    chargingTimePerMinute, idle, parking, sessionFee, minimum, cap);
        }

        Version withNumber(int number) {
            return new Version(number, validFrom, zone, currency, rounding, rates, slotMaps, calendar, calendarName,
                    tiers, chargingTimePerMinute, idle, parking, sessionFee, minimum, cap);
        }
    }

    public record Rate(String code, BigDecimal electricityPerKwh, BigDecimal servicePerKwh) {
    }

    /** A holiday calendar: ISO dates ({@code 2026-10-01}) of holidays and of make-up working days. */
    public record Calendar(String name, List<String> holidays, List<String> workdays, Long revision) {
    }

    /** A step of the monthly ladder: from this month-to-date energy on, electricity changes by the adjustment. */
    public record Tier(BigDecimal fromKwh, BigDecimal electricityAdjustmentPerKwh) {
    }

    /** Overstay: {@code grace} as an ISO duration, {@code perMinute} per started minute beyond it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Idle(String grace, BigDecimal perMinute, Dtos.Amount cap) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parking(String freePeriod, String unit, BigDecimal perUnit, Dtos.Amount cap) {
    }
}
