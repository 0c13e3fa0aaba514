package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import io.chargeplane.model.unit.Power;
import java.time.Instant;

/**
 * Progress of a running transaction (OCPP 2.0.1 TransactionEvent Updated, YKC real-time data). Detailed
 * readings travel as {@link MeterSample}s; this carries what a driver's app shows.
 *
 * @param energyRegister the register now; may be null when the update is about something else
 * @param power optional current power
 * @param socPercent optional state of charge, 0 to 100
 * @param costSoFar the device's own running cost (YKC reports it); may be null
 */
public record TransactionUpdated(TransactionRef transaction, Instant timestamp, Energy energyRegister, Power power,
                                 Integer socPercent, Money costSoFar) implements DeviceEvent {

    public static final String NAME = "transaction_updated";

    public TransactionUpdated {
        Require.present(transaction, "transaction");
        Require.present(timestamp, "timestamp");
        Require.between(socPercent, 0, 100, "socPercent");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
