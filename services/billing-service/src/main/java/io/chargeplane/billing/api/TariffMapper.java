package io.chargeplane.billing.api;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.EnergyTier;
import io.chargeplane.billing.domain.tariff.HolidayCalendar;
import io.chargeplane.billing.domain.tariff.IdleFee;
import io.chargeplane.billing.domain.tariff.ParkingFee;
import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.SlotMap;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffScope;
import io.chargeplane.billing.domain.tariff.TariffValidationException;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * JSON tariffs to the domain and back. Every failure is a {@link TariffValidationException} whose field is the
 * JSON path of the offending value, e.g. {@code versions[0].slotMaps.WORKDAY[17]}.
 */
public final class TariffMapper {

    private TariffMapper() {
    }

    /** A whole tariff of {@code tenant}; versions are numbered 1, 2, … when the JSON leaves them out. */
    public static Tariff toDomain(TenantId tenant, TariffJson.Tariff json) {
        if (json == null) {
            throw new TariffValidationException("body", "is required");
        }
        TariffScope scope = scope(tenant, json.scope());
        if (json.versions() == null || json.versions().isEmpty()) {
            throw new TariffValidationException("versions", "must hold at least one version");
        }
        List<TariffVersion> versions = new ArrayList<>();
        for (int i = 0; i < json.versions().size(); i++) {
            TariffJson.Version v = json.versions().get(i);
            versions.add(version(v == null || v.version() != null ? v : v.withNumber(i + 1), "versions[" + i + "]"));
        }
        return at("", () -> new Tariff(json.id(), scope, versions));
    }

    public static TariffScope scope(TenantId tenant, TariffJson.Scope json) {
        if (json == null) {
            return TariffScope.tenant(tenant);
        }
        DeviceId device = json.device() == null ? null : parse("scope.device", () -> DeviceId.of(json.device()));
        ConnectorId connector = json.connector() == null ? null
                : parse("scope.connector", () -> ConnectorId.of(json.connector()));
        return at("scope", () -> new TariffScope(tenant, json.site(), device, connector));
    }

    /** One version; {@code path} prefixes every field error (e.g. {@code versions[0]}). */
    public static TariffVersion version(TariffJson.Version json, String path) {
        if (json == null) {
            throw new TariffValidationException(path, "is required");
        }
        String p = path.isEmpty() ? "" : path + ".";
        TariffVersion.Builder b = TariffVersion.builder();
        if (json.version() != null) {
            b.version(json.version());
        }
        b.validFrom(json.validFrom() == null ? null : parse(p + "validFrom", () -> Instant.parse(json.validFrom())));
        b.zone(json.zone() == null ? null : parse(p + "zone", () -> ZoneId.of(json.zone())));
        Currency currency = json.currency() == null ? null : parse(p + "currency", () -> Currency.getInstance(json.currency()));
        b.currency(currency);
        if (json.rounding() != null) {
            b.rounding(parse(p + "rounding", () -> RoundingMode.valueOf(json.rounding())));
        }
        if (json.rates() != null) {
            for (int i = 0; i < json.rates().size(); i++) {
                TariffJson.Rate r = json.rates().get(i);
                String rp = p + "rates[" + i + "]";
                if (r == null) {
                    throw new TariffValidationException(rp, "is required");
                }
                b.rate(at(rp, () -> new Rate(r.code(), r.electricityPerKwh(), r.servicePerKwh())));
            }
        }
        if (json.slotMaps() != null) {
            json.slotMaps().forEach((type, slots) -> {
                String sp = p + "slotMaps." + type;
                DayType dayType = parse(p + "slotMaps", () -> DayType.valueOf(type));
                if (slots == null) {
                    throw new TariffValidationException(sp, "is required");
                }
                b.slotMap(dayType, slotMap(slots, sp));
            });
        }
        if (json.calendar() != null) {
            b.calendar(calendar(json.calendar(), p + "calendar"));
        } else if (json.calendarName() != null) {
            throw new TariffValidationException(p + "calendarName", "calendar '" + json.calendarName() + "' was not resolved");
        }
        if (json.tiers() != null) {
            List<EnergyTier> tiers = new ArrayList<>();
            for (int i = 0; i < json.tiers().size(); i++) {
                TariffJson.Tier t = json.tiers().get(i);
                String tp = p + "tiers[" + i + "]";
                if (t == null) {
                    throw new TariffValidationException(tp, "is required");
                }
                Energy from = t.fromKwh() == null ? null : parse(tp + ".fromKwh", () -> Energy.ofKwh(t.fromKwh()));
                tiers.add(at(tp, () -> new EnergyTier(from, t.electricityAdjustmentPerKwh())));
            }
            b.tiers(tiers);
        }
        if (json.chargingTimePerMinute() != null) {
            b.chargingTimePerMinute(json.chargingTimePerMinute());
        }
        if (json.idle() != null) {
            TariffJson.Idle i = json.idle();
            Duration grace = duration(i.grace(), p + "idle.grace");
            Money cap = money(i.cap(), p + "idle.cap");
            b.idle(at(p + "idle", () -> new IdleFee(grace, i.perMinute(), cap)));
        }
        if (json.parking() != null) {
            TariffJson.Parking k = json.parking();
            Duration free = duration(k.freePeriod(), p + "parking.freePeriod");
            Duration unit = duration(k.unit(), p + "parking.unit");
            Money cap = money(k.cap(), p + "parking.cap");
            b.parking(at(p + "parking", () -> new ParkingFee(free, unit, k.perUnit(), cap)));
        }
        b.sessionFee(money(json.sessionFee(), p + "sessionFee"));
        b.minimum(money(json.minimum(), p + "minimum"));
        b.cap(money(json.cap(), p + "cap"));
        return at(path, b::build);
    }

    public static HolidayCalendar calendar(TariffJson.Calendar json, String path) {
        String p = path.isEmpty() ? "" : path + ".";
        Set<LocalDate> holidays = dates(json.holidays(), p + "holidays");
        Set<LocalDate> workdays = dates(json.workdays(), p + "workdays");
        return at(path, () -> new HolidayCalendar(json.name(), holidays, workdays));
    }

    /** The JSON of a stored tariff. */
    public static TariffJson.Tariff toJson(Tariff tariff, String name, Long revision) {
        TariffScope s = tariff.scope();
        TariffJson.Scope scope = s.site() == null ? null : new TariffJson.Scope(s.site(),
                s.device() == null ? null : s.device().value(),
                s.connector() == null ? null : s.connector().value());
        return new TariffJson.Tariff(tariff.id(), name, scope, tariff.versions().stream().map(TariffMapper::toJson).toList(),
                revision);
    }

    /** The JSON of a version, with its calendar inline (the form a version is stored in). */
    public static TariffJson.Version toJson(TariffVersion v) {
        Map<String, List<String>> maps = new LinkedHashMap<>();
        for (DayType type : DayType.values()) {
            if (v.slotMaps().containsKey(type)) {
                maps.put(type.name(), v.slotMaps().get(type).slots());
            }
        }
        return new TariffJson.Version(v.version(), v.validFrom().toString(), v.zone().getId(), v.currency().getCurrencyCode(),
                v.rounding().name(),
                v.rates().stream().map(r -> new TariffJson.Rate(r.code(), r.electricityPerKwh(), r.servicePerKwh())).toList(),
                maps, calendarJson(v.calendar(), null), null,
                v.tiers().stream().map(t -> new TariffJson.Tier(t.from().toKwh(), t.electricityAdjustmentPerKwh())).toList(),
                v.chargingTimePerMinute(),
                v.idle() == null ? null : new TariffJson.Idle(v.idle().grace().toString(), v.idle().perMinute(), amount(v.idle().cap())),
                v.parking() == null ? null : new TariffJson.Parking(v.parking().freePeriod().toString(),
                        v.parking().unit().toString(), v.parking().perUnit(), amount(v.parking().cap())),
                amount(v.sessionFee()), amount(v.minimum()), amount(v.cap()));
    }

    public static TariffJson.Calendar calendarJson(HolidayCalendar c, Long revision) {
        return new TariffJson.Calendar(c.name(), c.holidays().stream().sorted().map(LocalDate::toString).toList(),
                c.workdays().stream().sorted(Comparator.naturalOrder()).map(LocalDate::toString).toList(), revision);
    }

    static Dtos.Amount amount(Money money) {
        return money == null ? null : new Dtos.Amount(money.minorUnits(), money.currency().getCurrencyCode());
    }

    private static SlotMap slotMap(List<String> slots, String path) {
        try {
            return new SlotMap(slots);
        } catch (TariffValidationException e) {
            // the JSON has the 48 codes directly under the day type: slots[17] is WORKDAY[17]
            String field = e.field().startsWith("slots") ? e.field().substring("slots".length()) : "." + e.field();
            TariffValidationException moved = new TariffValidationException(path + field,
                    e.getMessage().substring(e.field().length() + 2));
            moved.initCause(e);
            throw moved;
        }
    }

    private static Money money(Dtos.Amount amount, String path) {
        if (amount == null) {
            return null;
        }
        if (amount.minorUnits() == null) {
            throw new TariffValidationException(path + ".minorUnits", "is required");
        }
        return parse(path + ".currency", () -> Money.ofMinor(amount.minorUnits(), amount.currency()));
    }

    private static Duration duration(String value, String path) {
        return value == null ? null : parse(path, () -> Duration.parse(value));
    }

    private static Set<LocalDate> dates(List<String> values, String path) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        if (values == null) {
            return dates;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            dates.add(parse(path + "[" + i + "]", () -> LocalDate.parse(value)));
        }
        return dates;
    }

    /** Runs a domain constructor and moves its field errors under {@code path}. */
    private static <T> T at(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (TariffValidationException e) {
            throw path.isEmpty() ? e : relocate(e, path);
        }
    }

    private static TariffValidationException relocate(TariffValidationException e, String path) {
        TariffValidationException nested = e.under(path);
        // a version's own checks name slot maps the way the domain holds them (slotMaps.WORKDAY.slots[17])
        String field = nested.field().replace(".slots[", "[");
        if (field.equals(nested.field())) {
            return nested;
        }
        TariffValidationException renamed = new TariffValidationException(field, e.getMessage().substring(e.field().length() + 2));
        renamed.initCause(e);
        return renamed;
    }

    /** Parses a scalar; anything it throws becomes a field error at {@code path}. */
    private static <T> T parse(String path, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (TariffValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new TariffValidationException(path, "cannot be read: " + reason);
        }
    }
}
