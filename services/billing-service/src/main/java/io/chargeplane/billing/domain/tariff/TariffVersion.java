package io.chargeplane.billing.domain.tariff;

import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One immutable version of a tariff. A session is rated with the version valid when it started, so editing a
 * tariff always means adding a version with a later {@code validFrom}.
 *
 * <p>Time of use is read in {@code zone} (e.g. {@code Asia/Shanghai}). Prices are major units of
 * {@code currency}; every invoice line is rounded once to the currency's minor unit with {@code rounding}.
 *
 * @param version strictly increasing within a tariff
 * @param slotMaps a map for {@link DayType#WORKDAY} is required; missing weekend or holiday maps fall back to it
 * @param tiers empty for no monthly ladder; otherwise the first starts at 0 and they ascend strictly
 * @param chargingTimePerMinute major units per minute of charging, pro rata to the nanosecond; zero for none
 * @param idle null when the tariff charges no overstay
 * @param parking null when parking is free
 * @param sessionFee null for none
 * @param minimum null for none: the charging charge (energy, service, time, session fee) is raised to it
 * @param cap null for none: the charging charge is lowered to it
 */
public record TariffVersion(int version, Instant validFrom, ZoneId zone, Currency currency, RoundingMode rounding,
                            List<Rate> rates, Map<DayType, SlotMap> slotMaps, HolidayCalendar calendar,
                            List<EnergyTier> tiers, BigDecimal chargingTimePerMinute, IdleFee idle,
                            ParkingFee parking, Money sessionFee, Money minimum, Money cap) {

    public TariffVersion {
        Check.that(version >= 1, "version", "must be >= 1, was " + version);
        Check.present(validFrom, "validFrom");
        Check.present(zone, "zone");
        Check.present(currency, "currency");
        Check.that(currency.getDefaultFractionDigits() >= 0, "currency",
                currency.getCurrencyCode() + " has no minor unit and cannot be billed");
        Check.present(rounding, "rounding");
        Check.that(rounding != RoundingMode.UNNECESSARY, "rounding", "must say how to round; UNNECESSARY would fail on real energy");
        rates = List.copyOf(Check.present(rates, "rates"));
        slotMaps = copyMaps(slotMaps);
        Check.present(calendar, "calendar");
        tiers = List.copyOf(Check.present(tiers, "tiers"));
        chargingTimePerMinute = Check.price(chargingTimePerMinute, "chargingTimePerMinute");
        checkRates(rates, slotMaps);
        checkTiers(tiers, rates);
        checkMoney(currency, idle, parking, sessionFee, minimum, cap);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int rateIndex(String code) {
        for (int i = 0; i < rates.size(); i++) {
            if (rates.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new TariffValidationException("rates", "no rate '" + code + "'");
    }

    /** The slot map a day of this type actually uses, after falling back to the workday map. */
    public SlotMap slotMapFor(DayType dayType) {
        return slotMaps.getOrDefault(dayType, slotMaps.get(DayType.WORKDAY));
    }

    /** Which map a calendar day type falls back to when the tariff has none of its own. */
    public DayType effectiveDayType(DayType dayType) {
        return slotMaps.containsKey(dayType) ? dayType : DayType.WORKDAY;
    }

    public Builder toBuilder() {
        return new Builder().version(version).validFrom(validFrom).zone(zone).currency(currency).rounding(rounding)
                .rates(rates).slotMaps(slotMaps).calendar(calendar).tiers(tiers)
                .chargingTimePerMinute(chargingTimePerMinute).idle(idle).parking(parking).sessionFee(sessionFee)
                .minimum(minimum).cap(cap);
    }

    private static Map<DayType, SlotMap> copyMaps(Map<DayType, SlotMap> maps) {
        Check.present(maps, "slotMaps");
        Check.that(maps.get(DayType.WORKDAY) != null, "slotMaps.WORKDAY", "is required");
        EnumMap<DayType, SlotMap> copy = new EnumMap<>(DayType.class);
        maps.forEach((type, map) -> copy.put(Check.present(type, "slotMaps"), Check.present(map, "slotMaps." + type)));
        return Map.copyOf(copy);
    }

    private static void checkRates(List<Rate> rates, Map<DayType, SlotMap> slotMaps) {
        Check.that(!rates.isEmpty(), "rates", "must name at least one rate");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            Rate rate = Check.present(rates.get(i), "rates[" + i + "]");
            Check.that(codes.add(rate.code()), "rates[" + i + "].code", "'" + rate.code() + "' is defined twice");
        }
        for (DayType type : DayType.values()) {
            SlotMap map = slotMaps.get(type);
            if (map == null) {
                continue;
            }
            for (int slot = 0; slot < SlotMap.SLOTS_PER_DAY; slot++) {
                String code = map.slots().get(slot);
                Check.that(codes.contains(code), "slotMaps." + type + ".slots[" + slot + "]",
                        "rate '" + code + "' is not among the tariff's rates " + codes);
            }
        }
    }

    private static void checkTiers(List<EnergyTier> tiers, List<Rate> rates) {
        BigDecimal cheapest = rates.stream().map(Rate::electricityPerKwh).min(BigDecimal::compareTo).orElseThrow();
        for (int i = 0; i < tiers.size(); i++) {
            EnergyTier tier = Check.present(tiers.get(i), "tiers[" + i + "]");
            if (i == 0) {
                Check.that(tier.from().milliwattHours() == 0, "tiers[0].from", "the first tier must start at 0, was " + tier.from());
            } else {
                Check.that(tier.from().compareTo(tiers.get(i - 1).from()) > 0, "tiers[" + i + "].from",
                        "must be above tiers[" + (i - 1) + "].from (" + tiers.get(i - 1).from() + ")");
            }
            Check.that(cheapest.add(tier.electricityAdjustmentPerKwh()).signum() >= 0,
                    "tiers[" + i + "].electricityAdjustmentPerKwh",
                    "would make the cheapest electricity price negative");
        }
    }

    private static void checkMoney(Currency currency, IdleFee idle, ParkingFee parking, Money sessionFee, Money minimum,
                                   Money cap) {
        Check.nonNegativeMoney(sessionFee, "sessionFee");
        Check.nonNegativeMoney(minimum, "minimum");
        Check.nonNegativeMoney(cap, "cap");
        Check.currency(sessionFee, currency, "sessionFee");
        Check.currency(minimum, currency, "minimum");
        Check.currency(cap, currency, "cap");
        if (idle != null) {
            Check.currency(idle.cap(), currency, "idle.cap");
        }
        if (parking != null) {
            Check.currency(parking.cap(), currency, "parking.cap");
        }
        if (minimum != null && cap != null) {
            Check.that(minimum.minorUnits() <= cap.minorUnits(), "minimum", "must not exceed cap (" + cap + ")");
        }
    }

    /** Builds a version; everything optional starts empty (no tiers, no fees), rounding starts at HALF_UP. */
    public static final class Builder {
        private int version = 1;
        private Instant validFrom;
        private ZoneId zone;
        private Currency currency;
        private RoundingMode rounding = RoundingMode.HALF_UP;
        private List<Rate> rates = new ArrayList<>();
        private Map<DayType, SlotMap> slotMaps = new EnumMap<>(DayType.class);
        private HolidayCalendar calendar = HolidayCalendar.NONE;
        private List<EnergyTier> tiers = List.of();
        private BigDecimal chargingTimePerMinute = BigDecimal.ZERO;
        private IdleFee idle;
        private ParkingFee parking;
        private Money sessionFee;
        private Money minimum;
        private Money cap;

        private Builder() {
        }

        public Builder version(int value) { version = value; return this; }
        public Builder validFrom(Instant value) { validFrom = value; return this; }
        public Builder zone(ZoneId value) { zone = value; return this; }
        public Builder zone(String value) { zone = ZoneId.of(value); return this; }
        public Builder currency(Currency value) { currency = value; return this; }
        public Builder currency(String code) { currency = Currency.getInstance(code); return this; }
        public Builder rounding(RoundingMode value) { rounding = value; return this; }
        public Builder rates(List<Rate> value) { rates = new ArrayList<>(value); return this; }
        public Builder rate(Rate value) { rates.add(value); return this; }
        public Builder slotMaps(Map<DayType, SlotMap> value) { slotMaps = new EnumMap<>(DayType.class); slotMaps.putAll(value); return this; }
        public Builder slotMap(DayType type, SlotMap value) { slotMaps.put(type, value); return this; }
        public Builder calendar(HolidayCalendar value) { calendar = value; return this; }
        public Builder tiers(List<EnergyTier> value) { tiers = value; return this; }
        public Builder chargingTimePerMinute(BigDecimal value) { chargingTimePerMinute = value; return this; }
        public Builder idle(IdleFee value) { idle = value; return this; }
        public Builder parking(ParkingFee value) { parking = value; return this; }
        public Builder sessionFee(Money value) { sessionFee = value; return this; }
        public Builder minimum(Money value) { minimum = value; return this; }
        public Builder cap(Money value) { cap = value; return this; }

        public TariffVersion build() {
            return new TariffVersion(version, validFrom, zone, currency, rounding, rates, slotMaps, calendar, tiers,
                    chargingTimePerMinute, idle, parking, sessionFee, minimum, cap);
        }
    }
}
