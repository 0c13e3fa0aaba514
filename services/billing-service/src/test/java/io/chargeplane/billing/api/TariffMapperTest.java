package io.chargeplane.billing.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffValidationException;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TariffMapperTest {

    private static final TenantId ACME = TenantId.of("acme");
    private final ObjectMapper json = new ObjectMapper();

    private TariffJson.Tariff fixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/tariffs/two-rate.json")) {
            return json.readValue(in, TariffJson.Tariff.class);
        }
    }

    @Test
    void jsonMapsOntoTheDomainBuilderFieldByField() throws IOException {
        Tariff tariff = TariffMapper.toDomain(ACME, fixture());
        TariffVersion v = tariff.versions().getFirst();
        assertEquals("hq-standard", tariff.id());
        assertEquals("hq", tariff.scope().site());
        assertEquals(1, v.version());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), v.validFrom());
        assertEquals("Asia/Shanghai", v.zone().getId());
        assertEquals("peak", v.slotMapFor(DayType.WORKDAY).rateAt(LocalTime.of(8, 0)));
        assertEquals("valley", v.slotMapFor(DayType.WORKDAY).rateAt(LocalTime.of(7, 59)));
        assertEquals(DayType.HOLIDAY, v.calendar().dayType(LocalDate.of(2026, 10, 1)));
        assertEquals(200_000_000L, v.tiers().get(1).from().milliwattHours());
        assertEquals(Duration.ofMinutes(15), v.idle().grace());
        assertEquals(Money.ofMinor(100, "CNY"), v.sessionFee());
        assertEquals(Money.ofMinor(50_000, "CNY"), v.cap());
        assertNull(v.minimum());
    }

    @Test
    void domainToJsonAndBackIsTheSameTariff() throws IOException {
        Tariff tariff = TariffMapper.toDomain(ACME, fixture());
        TariffJson.Tariff written = TariffMapper.toJson(tariff, "HQ standard", 0L);
        String text = json.writeValueAsString(written);
        Tariff again = TariffMapper.toDomain(ACME, json.readValue(text, TariffJson.Tariff.class));
        assertEquals(tariff, again);
    }

    @Test
    void unknownRateInASlotNamesTheVersionDayTypeAndSlot() throws IOException {
        TariffJson.Tariff t = fixture();
        TariffJson.Version v = t.versions().getFirst();
        List<String> workday = new ArrayList<>(v.slotMaps().get("WORKDAY"));
        workday.set(17, "sharp");
        Map<String, List<String>> maps = new HashMap<>(v.slotMaps());
        maps.put("WORKDAY", workday);
        TariffJson.Tariff broken = withVersion(t, new TariffJson.Version(null, v.validFrom(), v.zone(), v.currency(), v.rounding(),
                v.rates(), maps, v.calendar(), null, v.tiers(), v.chargingTimePerMinute(), v.idle(), v.parking(),
                v.sessionFee(), v.minimum(), v.cap()));
        TariffValidationException e = assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, broken));
        assertEquals("versions[0].slotMaps.WORKDAY[17]", e.field());
    }

    @Test
    void slotMapOfTheWrongLengthNamesTheDayType() throws IOException {
        TariffJson.Tariff t = fixture();
        TariffJson.Version v = t.versions().getFirst();
        TariffJson.Tariff broken = withVersion(t, new TariffJson.Version(null, v.validFrom(), v.zone(), v.currency(), v.rounding(),
                v.rates(), Map.of("WORKDAY", List.of("valley")), v.calendar(), null, v.tiers(), v.chargingTimePerMinute(),
                v.idle(), v.parking(), v.sessionFee(), v.minimum(), v.cap()));
        assertEquals("versions[0].slotMaps.WORKDAY",
                assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, broken)).field());
    }

    @Test
    void negativeServicePriceNamesTheRate() throws IOException {
        TariffJson.Tariff t = fixture();
        TariffJson.Version v = t.versions().getFirst();
        List<TariffJson.Rate> rates = List.of(v.rates().get(0), new TariffJson.Rate("peak", new BigDecimal("1"), new BigDecimal("-0.1")));
        TariffJson.Tariff broken = withVersion(t, new TariffJson.Version(null, v.validFrom(), v.zone(), v.currency(), v.rounding(),
                rates, v.slotMaps(), v.calendar(), null, v.tiers(), v.chargingTimePerMinute(), v.idle(), v.parking(),
                v.sessionFee(), v.minimum(), v.cap()));
        assertEquals("versions[0].rates[1].servicePerKwh",
                assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, broken)).field());
    }

    @Test
    void unreadableScalarsNameTheirField() throws IOException {
        TariffJson.Tariff t = fixture();
        TariffJson.Version v = t.versions().getFirst();
        TariffJson.Tariff badZone = withVersion(t, new TariffJson.Version(null, v.validFrom(), "Mars/Olympus", v.currency(),
                v.rounding(), v.rates(), v.slotMaps(), v.calendar(), null, v.tiers(), v.chargingTimePerMinute(), v.idle(),
                v.parking(), v.sessionFee(), v.minimum(), v.cap()));
        assertEquals("versions[0].zone", assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, badZone)).field());
        TariffJson.Tariff badHoliday = withVersion(t, new TariffJson.Version(null, v.validFrom(), v.zone(), v.currency(),
                v.rounding(), v.rates(), v.slotMaps(), new TariffJson.Calendar("cn", List.of("2026-13-01"), List.of(), null), null,
                v.tiers(), v.chargingTimePerMinute(), v.idle(), v.parking(), v.sessionFee(), v.minimum(), v.cap()));
        assertEquals("versions[0].calendar.holidays[0]",
                assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, badHoliday)).field());
        TariffJson.Tariff badCap = withVersion(t, new TariffJson.Version(null, v.validFrom(), v.zone(), v.currency(),
                v.rounding(), v.rates(), v.slotMaps(), v.calendar(), null, v.tiers(), v.chargingTimePerMinute(), v.idle(),
                v.parking(), v.sessionFee(), v.minimum(), new Dtos.Amount(100L, "EUR")));
        assertEquals("versions[0].cap.currency",
                assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, badCap)).field());
    }

    @Test
    void versionsOutOfOrderNameTheLaterOne() throws IOException {
        TariffJson.Tariff t = fixture();
        TariffJson.Version v = t.versions().getFirst();
        TariffJson.Version earlier = new TariffJson.Version(null, "2025-06-01T00:00:00Z", v.zone(), v.currency(), v.rounding(),
                v.rates(), v.slotMaps(), v.calendar(), null, v.tiers(), v.chargingTimePerMinute(), v.idle(), v.parking(),
                v.sessionFee(), v.minimum(), v.cap());
        TariffJson.Tariff broken = new TariffJson.Tariff(t.id(), t.name(), t.scope(), List.of(v, earlier), null);
        assertEquals("versions[1].validFrom",
                assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, broken)).field());
    }

    @Test
    void connectorScopeWithoutItsSiteIsRefused() throws IOException {
        TariffJson.Tariff t = fixture();
        TariffJson.Tariff broken = new TariffJson.Tariff(t.id(), t.name(), new TariffJson.Scope(null, "cp-1", 1), t.versions(), null);
        assertEquals("scope.site", assertThrows(TariffValidationException.class, () -> TariffMapper.toDomain(ACME, broken)).field());
    }

    private static TariffJson.Tariff withVersion(TariffJson.Tariff t, TariffJson.Version v) {
        return new TariffJson.Tariff(t.id(), t.name(), t.scope(), List.of(v), null);
    }
}
