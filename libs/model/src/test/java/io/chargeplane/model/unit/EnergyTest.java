package io.chargeplane.model.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.ModelValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyTest {

    @Test
    void ykcFourDecimalKwhConvertsExactly() {
        assertEquals(12_345_600, Energy.ofKwh(new BigDecimal("12.3456")).milliwattHours());
        assertEquals(new BigDecimal("12.345600"), Energy.ofKwh(new BigDecimal("12.3456")).toKwh());
    }

    @Test
    void decimalWhConvertsExactlyToTheMilliwattHour() {
        assertEquals(1_500, Energy.ofWh(new BigDecimal("1.5")).milliwattHours());
        assertEquals(1_001, Energy.ofWh(new BigDecimal("1.001")).milliwattHours());
        assertEquals(new BigDecimal("1.001"), Energy.ofMilliwattHours(1_001).toWh());
    }

    @Test
    void refusesPrecisionFinerThanOneMilliwattHourInsteadOfRounding() {
        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> Energy.ofWh(new BigDecimal("1.0005")));

        assertTrue(e.getMessage().contains("1.0005 Wh is not a whole number"), e.getMessage());
        assertThrows(ModelValidationException.class, () -> Energy.ofKwh(new BigDecimal("0.0000001")));
    }

    @Test
    void refusesNegativeEnergyAndOverflow() {
        assertThrows(ModelValidationException.class, () -> Energy.ofMilliwattHours(-1));
        assertThrows(ModelValidationException.class, () -> Energy.ofWh(new BigDecimal("-0.001")));
        assertThrows(ModelValidationException.class, () -> Energy.ofKwh(new BigDecimal("1e20")));
        assertThrows(ModelValidationException.class,
                () -> Energy.ofMilliwattHours(Long.MAX_VALUE).plus(Energy.ofMilliwattHours(1)));
    }

    @Test
    void subtractionBelowZeroIsAnError() {
        assertEquals(Energy.ofMilliwattHours(5), Energy.ofMilliwattHours(8).minus(Energy.ofMilliwattHours(3)));
        assertThrows(ModelValidationException.class, () -> Energy.ofMilliwattHours(3).minus(Energy.ofMilliwattHours(8)));
    }

    @Test
    void anySplitOfFourDecimalKwhReadingsSumsBackExactly() {
        Random random = new Random(20261125L);
        for (int round = 0; round < 1_000; round++) {
            long totalTenthsOfWh = random.nextLong(1, 10_000_000_000L);
            Energy total = Energy.ofKwh(BigDecimal.valueOf(totalTenthsOfWh, 4));
            List<Energy> parts = new ArrayList<>();
            long left = totalTenthsOfWh;
            while (left > 0) {
                long part = random.nextLong(0, left + 1);
                parts.add(Energy.ofKwh(BigDecimal.valueOf(part, 4)));
                left -= part;
            }
            assertEquals(total, Energy.sum(parts), "round " + round);
        }
    }
}
