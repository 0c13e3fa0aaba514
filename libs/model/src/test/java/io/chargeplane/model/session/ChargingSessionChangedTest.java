package io.chargeplane.model.session;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChargingSessionChangedTest {

    private static final Instant START = Instant.parse("2026-11-25T06:55:00Z");
    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    @Test
    void completedSessionSurvivesTheJsonRoundTrip() {
        ChargingSessionChanged completed = completed(Energy.ofWh(1_000), Energy.ofWh(13_500));

        byte[] json = codec.writeJson(completed);
        ChargingSessionChanged back = codec.readJson(json, ChargingSessionChanged.class);

        assertEquals(completed, back);
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"state\":\"COMPLETED\""));
        assertEquals("acme:s-1", back.key());
    }

    @Test
    void completedSessionNeedsItsFinalReadingAndCause() {
        ModelValidationException error = assertThrows(ModelValidationException.class,
                () -> new ChargingSessionChanged("s-1:4", 4, "s-1", TenantId.of("acme"), DeviceId.of("CP-1"),
                        EvseId.of(1), ConnectorId.of(1), null, SessionState.COMPLETED, SessionOrigin.APP, "driver",
                        null, null, "tx", null, START, START, START.plusSeconds(60), Energy.ofWh(0), null,
                        Energy.ZERO, null, List.of(), EndCause.DRIVER, null, START.plusSeconds(60)));
        assertEquals("meterStop", error.field());
    }

    @Test
    void failedSessionNeedsAReason() {
        ModelValidationException error = assertThrows(ModelValidationException.class,
                () -> new ChargingSessionChanged("s-1:2", 2, "s-1", TenantId.of("acme"), DeviceId.of("CP-1"),
                        EvseId.of(1), ConnectorId.of(1), null, SessionState.FAILED, SessionOrigin.APP, "driver",
                        null, null, null, null, START, null, null, null, null, Energy.ZERO, null, List.of(), null,
                        " ", START));
        assertEquals("failureReason", error.field());
    }

    @Test
    void readingsGoingBackwardsAreRefusedByIndex() {
        List<SessionReading> readings = List.of(new SessionReading(START, Energy.ofWh(10)),
                new SessionReading(START.plusSeconds(60), Energy.ofWh(9)));
        ModelValidationException error = assertThrows(ModelValidationException.class,
                () -> new ChargingSessionChanged("s-1:2", 2, "s-1", TenantId.of("acme"), DeviceId.of("CP-1"),
                        EvseId.of(1), ConnectorId.of(1), null, SessionState.ACTIVE, SessionOrigin.APP, "driver",
                        null, null, "tx", null, START, START, null, Energy.ofWh(10), null, Energy.ZERO, null,
                        readings, null, null, START));
        assertEquals("readings[1].register", error.field());
    }

    @Test
    void typeNamesTheStateInLowerCase() {
        assertEquals("io.chargeplane.session.completed.v1", SessionTopics.typeOf(SessionState.COMPLETED));
    }

    private static ChargingSessionChanged completed(Energy meterStart, Energy meterStop) {
        List<SessionReading> readings = List.of(new SessionReading(START, meterStart),
                new SessionReading(START.plusSeconds(600), Energy.ofWh(7_000)),
                new SessionReading(START.plusSeconds(1_200), meterStop));
        return new ChargingSessionChanged("s-1:5", 5, "s-1", TenantId.of("acme"), DeviceId.of("CP-1"), EvseId.of(1),
                ConnectorId.of(1), "site-1", SessionState.COMPLETED, SessionOrigin.APP, "driver-sub", "04A1B2",
                "7c1e0c0e-2b7e-4a43-9d55-0d1b1f2c3a4b", "42",
                new SessionLimits(Energy.ofWh(50_000), Money.ofMinor(5_000, "CNY"), Duration.ofHours(2)), START,
                START, START.plusSeconds(1_200), meterStart, meterStop, meterStop.minus(meterStart),
                Money.ofMinor(1_234, "CNY"), readings, EndCause.DRIVER, null, START.plusSeconds(1_201));
    }
}
