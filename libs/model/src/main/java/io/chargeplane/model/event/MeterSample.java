package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Power;
import io.chargeplane.model.unit.Voltage;
import java.time.Instant;

/**
 * One reading of a meter. The energy register is the cumulative imported energy (never a delta), so that a
 * lost or duplicated sample cannot change a session's total.
 *
 * @param evse null for the station's main meter
 * @param connector may be null (OCPP 2.0.1 meters per EVSE)
 * @param transaction the transaction the sample belongs to, or null outside one
 * @param power optional active power
 * @param current optional current
 * @param voltage optional voltage
 * @param socPercent optional state of charge, 0 to 100
 */
public record MeterSample(EvseId evse, ConnectorId connector, TransactionRef transaction, Instant timestamp,
                          Energy energyRegister, Power power, Current current, Voltage voltage, Integer socPercent,
                          MeterContext context) implements DeviceEvent {

    public static final String NAME = "meter_sample";

    public MeterSample {
        Location.connectorNeedsEvse(evse, connector);
        Require.present(timestamp, "timestamp");
        Require.present(energyRegister, "energyRegister");
        Require.between(socPercent, 0, 100, "socPercent");
        Require.present(context, "context");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
