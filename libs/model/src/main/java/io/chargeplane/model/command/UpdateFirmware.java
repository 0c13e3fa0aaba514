package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import java.net.URI;
import java.time.Instant;

/**
 * Tell the device to fetch and install firmware; progress arrives as {@code FirmwareStatusChanged} events.
 *
 * @param location where the device downloads the image (absolute URI)
 * @param retrieveAt not before this instant
 * @param retries how often the device may retry a failed download; null for the device default
 */
public record UpdateFirmware(URI location, Instant retrieveAt, Integer retries) implements DeviceCommand {

    public UpdateFirmware {
        Require.present(location, "location");
        Require.that(location.isAbsolute(), "location", "must be an absolute URI");
        Require.maxLength(location.toString(), "location", 512);
        Require.present(retrieveAt, "retrieveAt");
        Require.between(retries, 0, 100, "retries");
    }

    @Override
    public Capability capability() {
        return Capability.UPDATE_FIRMWARE;
    }
}
