package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import java.time.Instant;

/**
 * A lane camera or gate recognised a vehicle; drives parking sessions and charging-bay fee waivers.
 *
 * @param plate the recognised plate as read (Chinese plates include a province character)
 * @param confidencePercent the recogniser's confidence, 0 to 100; may be null
 * @param imageRef where the snapshot is stored (object key or URL); may be null
 */
public record VehicleDetected(String plate, Direction direction, Integer confidencePercent, String imageRef,
                              Instant detectedAt) implements DeviceEvent {

    public static final String NAME = "vehicle_detected";

    public VehicleDetected {
        Require.text(plate, "plate", 16);
        Require.present(direction, "direction");
        Require.between(confidencePercent, 0, 100, "confidencePercent");
        Require.optionalText(imageRef, "imageRef", 1024);
        Require.present(detectedAt, "detectedAt");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
