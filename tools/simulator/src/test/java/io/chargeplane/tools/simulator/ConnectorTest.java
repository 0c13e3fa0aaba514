package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private static Session session() {
        return new Session("SIM-TAG-0001", "ISO14443", false, null, T0.plusSeconds(3600), 20);
    }

    @Test
    void walksAvailablePreparingChargingFinishingAvailable() {
        Connector c = new Connector(1, 11_000, 0);
        assertEquals(ConnectorState.AVAILABLE, c.state());
        Session s = session();
        c.plugIn(s);
        assertEquals(ConnectorState.PREPARING, c.state());
        c.startCharging(T0);
        assertEquals(ConnectorState.CHARGING, c.state());
        assertSame(s, c.finish(T0.plusSeconds(60)));
        assertEquals(ConnectorState.FINISHING, c.state());
        c.unplug();
        assertEquals(ConnectorState.AVAILABLE, c.state());
        assertNull(c.session());
    }

    @Test
    void refusesADriverWhileBusyFaultedOrUnavailable() {
        Connector c = new Connector(1, 11_000, 0);
        c.plugIn(session());
        assertThrows(IllegalStateException.class, () -> c.plugIn(session()));
        c.abandon();
        c.fault();
        assertThrows(IllegalStateException.class, () -> c.plugIn(session()));
        c.clearFault();
        c.changeAvailability(false);
        assertThrows(IllegalStateException.class, () -> c.plugIn(session()));
    }

    @Test
    void countsEnergyExactlyAtTheRatedPowerAcrossManySmallSteps() {
        Connector c = new Connector(1, 7_000, 123_456);
        c.plugIn(session());
        c.startCharging(T0);
        for (int ms = 7; ms <= 3_600_000; ms += 7) {
            c.advance(T0.plusMillis(ms));
        }
        c.finish(T0.plusSeconds(3600));
        // 7 kW for one hour = 7,000 Wh = 7,000,000 mWh, no rounding lost on the way
        assertEquals(123_456 + 7_000_000, c.registerMwh());
        assertEquals(7_123, c.registerWh());
    }

    @Test
    void aCapLimitsThePowerFromTheMomentItIsSet() {
        Connector c = new Connector(1, 22_000, 0);
        c.plugIn(session());
        c.startCharging(T0);
        c.advance(T0.plusSeconds(1800)); // 11,000 Wh at 22 kW
        c.cap(3_700.0);
        assertEquals(3_700.0, c.powerWatts());
        c.advance(T0.plusSeconds(3600)); // + 1,850 Wh at 3.7 kW
        assertEquals(12_850, c.registerWh());
        c.cap(null);
        assertEquals(22_000.0, c.powerWatts());
    }

    @Test
    void noEnergyFlowsUnlessCharging() {
        Connector c = new Connector(1, 11_000, 5_000);
        c.advance(T0.plusSeconds(600));
        c.plugIn(session());
        c.advance(T0.plusSeconds(600));
        assertEquals(5_000, c.registerMwh());
        assertEquals(0.0, c.powerWatts());
    }

    @Test
    void stateOfChargeRisesWithTheEnergyDelivered() {
        Connector c = new Connector(1, 60_000, 0);
        Session s = session();
        c.plugIn(s);
        c.startCharging(T0);
        c.advance(T0.plusSeconds(1800)); // 30 kWh into a 60 kWh battery: +50 %
        assertEquals(70, s.socPercent());
        c.advance(T0.plusSeconds(7200));
        assertEquals(100, s.socPercent());
    }

    @Test
    void inoperativeWhileChargingIsAppliedWhenTheCarLeaves() {
        Connector c = new Connector(1, 11_000, 0);
        c.plugIn(session());
        c.startCharging(T0);
        assertEquals(false, c.changeAvailability(false));
        assertEquals(ConnectorState.CHARGING, c.state());
        c.finish(T0.plusSeconds(10));
        c.unplug();
        assertEquals(ConnectorState.UNAVAILABLE, c.state());
        assertTrue(c.changeAvailability(true));
        assertEquals(ConnectorState.AVAILABLE, c.state());
    }

    @Test
    void aSessionMustEndBeforeTheConnectorFaults() {
        Connector c = new Connector(1, 11_000, 0);
        c.plugIn(session());
        c.startCharging(T0);
        assertThrows(IllegalStateException.class, c::fault);
        c.finish(T0.plusSeconds(5));
        c.fault();
        assertEquals(ConnectorState.FAULTED, c.state());
        assertNull(c.session());
        c.clearFault();
        assertEquals(ConnectorState.AVAILABLE, c.state());
    }
}
