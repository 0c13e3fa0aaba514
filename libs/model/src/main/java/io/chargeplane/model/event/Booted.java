package io.chargeplane.model.event;

import io.chargeplane.model.Require;

/**
 * The device announced itself after (re)starting; carries the identity data device-service keeps.
 *
 * @param serialNumber may be null when the protocol does not report it
 * @param firmwareVersion may be null when the protocol does not report it
 */
public record Booted(String vendor, String model, String serialNumber, String firmwareVersion, BootReason reason)
        implements DeviceEvent {

    public static final String NAME = "booted";

    public Booted {
        Require.text(vendor, "vendor", 64);
        Require.text(model, "model", 64);
        Require.optionalText(serialNumber, "serialNumber", 64);
        Require.optionalText(firmwareVersion, "firmwareVersion", 64);
        Require.present(reason, "reason");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
