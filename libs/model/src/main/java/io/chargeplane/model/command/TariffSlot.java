package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import java.time.LocalTime;

/**
 * From {@code start} (local time of day) until the next slot's start, {@code rate} applies.
 */
public record TariffSlot(LocalTime start, String rate) {

    public TariffSlot {
        Require.present(start, "start");
        Require.text(rate, "rate", 32);
    }
}
