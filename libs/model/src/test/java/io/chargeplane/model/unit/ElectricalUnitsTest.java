package io.chargeplane.model.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.ModelValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ElectricalUnitsTest {

    @Test
    void powerConvertsKilowattsExactlyAndAllowsDischarge() {
        assertEquals(7_360, Power.ofKw(new BigDecimal("7.36")).watts());
        assertEquals(-3_000, Power.ofKw(new BigDecimal("-3")).watts());
        assertThrows(ModelValidationException.class, () -> Power.ofKw(new BigDecimal("7.3605")));
        assertEquals(new BigDecimal("7.360"), Power.ofWatts(7_360).toKw());
    }

    @Test
    void currentHoldsTenthsOfAmperesExactly() {
        assertEquals(31_700, Current.ofAmperes(new BigDecimal("31.7")).milliamperes());
        assertThrows(ModelValidationException.class, () -> Current.ofAmperes(new BigDecimal("0.0001")));
    }

    @Test
    void voltageIsNeverNegative() {
        assertEquals(230_100, Voltage.ofVolts(new BigDecimal("230.1")).millivolts());
        assertThrows(ModelValidationException.class, () -> Voltage.ofMillivolts(-1));
    }
}
