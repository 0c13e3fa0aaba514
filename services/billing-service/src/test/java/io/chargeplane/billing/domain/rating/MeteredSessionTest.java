package io.chargeplane.billing.domain.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.unit.Energy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredSessionTest {

    private static final Instant T0 = Instant.parse("2026-03-04T00:00:00Z");

    private final MeteredSession session = MeteredSession.of(List.of(
            MeterReading.of(T0, 1_000),
            MeterReading.of(T0.plusSeconds(60), 1_007),
            MeterReading.of(T0.plusSeconds(120), 1_010)));

    @Test
    void interpolatesTheRegisterLinearlyRoundingDown() {
        // 7 mWh over 60 s: at 30 s floor(3.5) = 3.
        assertEquals(Energy.ofMilliwattHours(1_003), session.registerAt(T0.plusSeconds(30)));
        assertEquals(Energy.ofMilliwattHours(1_007), session.registerAt(T0.plusSeconds(60)));
    }

    @Test
    void splitsBetweenReadingsIntoTwoWindowsSharingTheMiddleInterval() {
        MeteredSession.Split split = session.splitAt(T0.plusSeconds(30));

        assertEquals(2, split.first().readings().size());
        assertEquals(T0.plusSeconds(30), split.first().end());
        assertEquals(Energy.ofMilliwattHours(3), split.first().energy());
        assertEquals(3, split.second().readings().size());
        assertEquals(T0.plusSeconds(30), split.second().start());
        assertEquals(Energy.ofMilliwattHours(7), split.second().energy());
    }

    @Test
    void splitsOnAReadingIntoTwoPlainSessions() {
        MeteredSession.Split split = session.splitAt(T0.plusSeconds(60));

        assertEquals(session.readings().subList(0, 2), split.first().readings());
        assertEquals(session.readings().subList(1, 3), split.second().readings());
    }

    @Test
    void splitsAtTheVeryStartIntoAnEmptyFirstPart() {
        MeteredSession.Split split = session.splitAt(T0);

        assertEquals(Energy.ZERO, split.first().energy());
        assertEquals(Energy.ofMilliwattHours(10), split.second().energy());
    }

    @Test
    void refusesARegisterThatGoesBackwards() {
        RatingInputException error = assertThrows(RatingInputException.class, () -> MeteredSession.of(List.of(
                MeterReading.of(T0, 10), MeterReading.of(T0.plusSeconds(1), 12), MeterReading.of(T0.plusSeconds(2), 11))));

        assertEquals("readings[2].register", error.field());
    }

    @Test
    void refusesReadingsOutOfTimeOrder() {
        RatingInputException error = assertThrows(RatingInputException.class, () -> MeteredSession.of(List.of(
                MeterReading.of(T0, 10), MeterReading.of(T0, 12))));

        assertEquals("readings[1].at", error.field());
    }

    @Test
    void refusesASplitOutsideTheWindow() {
        assertEquals("at", assertThrows(RatingInputException.class, () -> session.splitAt(T0.minusNanos(1))).field());
    }

    @Test
    void refusesAWindowOutsideTheReadings() {
        assertEquals("to", assertThrows(RatingInputException.class,
                () -> MeteredSession.window(session.readings(), T0, T0.plusSeconds(121))).field());
    }
}
