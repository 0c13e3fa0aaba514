package io.chargeplane.billing.domain.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffScope;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionedRatingTest {

    private final Tariff tariff = new Tariff("standard", TariffScope.tenant(TenantId.of("acme")), List.of(
            Tariffs.shanghai().build(),
            Tariffs.shanghai().version(2).validFrom(Instant.parse("2026-02-28T16:00:00Z"))
                    .rates(List.of(Rate.of(Rate.SHARP, "2", "1"), Rate.of(Rate.PEAK, "2", "1"),
                            Rate.of(Rate.FLAT, "2", "1"), Rate.of(Rate.VALLEY, "2", "1"))).build()));

    @Test
    void ratesASessionThatRunsIntoANewVersionWithTheVersionValidAtItsStart() {
        // Version 2 starts at local midnight on 1 March; this session starts 30 min before it.
        MeteredSession session = Sessions.inShanghai().at("2026-02-28T23:30").readingKwh(0)
                .afterMinutes(60).readingKwh(10).build();

        Bill bill = RatingEngine.forSessionStart(tariff, session.start()).rate(session, Energy.ZERO, SessionFacts.NONE);

        assertEquals(1, bill.tariffVersion());
        // Saturday night into Sunday: weekend map, 10 kWh flat at 1.10 (version 2 would make it 30.00).
        assertEquals(Money.ofMinor(1100, "CNY"), bill.total());
    }

    @Test
    void ratesASessionStartingAfterTheChangeWithTheNewVersion() {
        MeteredSession session = Sessions.inShanghai().at("2026-03-01T00:30").readingKwh(0)
                .afterMinutes(60).readingKwh(10).build();

        Bill bill = RatingEngine.forSessionStart(tariff, session.start()).rate(session, Energy.ZERO, SessionFacts.NONE);

        assertEquals(2, bill.tariffVersion());
        assertEquals(Money.ofMinor(3000, "CNY"), bill.total());
    }

    @Test
    void refusesASessionBeforeTheFirstVersion() {
        assertEquals("sessionStart", assertThrows(RatingInputException.class,
                () -> RatingEngine.forSessionStart(tariff, Instant.parse("2025-06-01T00:00:00Z"))).field());
    }

    @Test
    void refusesToSettleAMeteringOfAnotherVersion() {
        MeteredSession session = Sessions.inShanghai().at("2026-03-01T00:30").readingKwh(0)
                .afterMinutes(60).readingKwh(10).build();
        Metering metering = new RatingEngine(tariff.versions().get(0)).meter(session, Energy.ZERO);

        assertEquals("metering.tariffVersion", assertThrows(RatingInputException.class,
                () -> new RatingEngine(tariff.versions().get(1)).settle(metering, SessionFacts.NONE)).field());
    }
}
