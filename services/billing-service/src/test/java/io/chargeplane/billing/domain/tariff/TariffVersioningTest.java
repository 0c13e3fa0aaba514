package io.chargeplane.billing.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffVersioningTest {

    private static final TenantId TENANT = TenantId.of("acme");

    private static TariffVersion version(int number, String validFrom, String valleyPrice) {
        return TariffVersion.builder().version(number).validFrom(Instant.parse(validFrom)).zone("Asia/Shanghai")
                .currency("CNY").rate(Rate.of(Rate.VALLEY, valleyPrice, "0")).slotMap(DayType.WORKDAY,
                        SlotMap.uniform(Rate.VALLEY)).build();
    }

    private final Tariff tariff = new Tariff("standard", TariffScope.tenant(TENANT), List.of(
            version(1, "2026-01-01T00:00:00Z", "0.30"),
            version(2, "2026-03-01T00:00:00Z", "0.35")));

    @Test
    void picksTheVersionValidAtTheSessionStart() {
        assertEquals(1, tariff.versionAt(Instant.parse("2026-02-28T23:59:59Z")).orElseThrow().version());
        assertEquals(2, tariff.versionAt(Instant.parse("2026-03-01T00:00:00Z")).orElseThrow().version());
        assertTrue(tariff.versionAt(Instant.parse("2025-12-31T23:59:59Z")).isEmpty());
    }

    @Test
    void refusesAVersionThatDoesNotComeAfterTheLastOne() {
        TariffValidationException error = assertThrows(TariffValidationException.class,
                () -> tariff.withVersion(version(3, "2026-02-01T00:00:00Z", "0.40")));

        assertEquals("versions[2].validFrom", error.field());
        assertEquals("versions[2].version", assertThrows(TariffValidationException.class,
                () -> tariff.withVersion(version(2, "2026-04-01T00:00:00Z", "0.40"))).field());
    }

    @Test
    void resolvesTheMostSpecificScope() {
        DeviceId pile = DeviceId.of("pile-7");
        Tariff site = new Tariff("site", TariffScope.site(TENANT, "hq"), tariff.versions());
        Tariff connector = new Tariff("fast", TariffScope.connector(TENANT, "hq", pile, ConnectorId.of(2)),
                tariff.versions());
        TariffBook book = new TariffBook(List.of(connector, tariff, site));

        assertEquals("fast", book.resolve(TENANT, "hq", pile, ConnectorId.of(2)).orElseThrow().id());
        assertEquals("site", book.resolve(TENANT, "hq", pile, ConnectorId.of(1)).orElseThrow().id());
        assertEquals("standard", book.resolve(TENANT, "depot", pile, ConnectorId.of(2)).orElseThrow().id());
        assertTrue(book.resolve(TenantId.of("other"), "hq", pile, ConnectorId.of(2)).isEmpty());
    }

    @Test
    void refusesTwoTariffsForTheSameScope() {
        Tariff twin = new Tariff("twin", TariffScope.tenant(TENANT), tariff.versions());

        assertEquals("tariffs[1].scope", assertThrows(TariffValidationException.class,
                () -> new TariffBook(List.of(tariff, twin))).field());
    }

    @Test
    void refusesAConnectorScopeWithoutItsDevice() {
        assertEquals("device", assertThrows(TariffValidationException.class,
                () -> new TariffScope(TENANT, "hq", null, ConnectorId.of(1))).field());
    }
}
