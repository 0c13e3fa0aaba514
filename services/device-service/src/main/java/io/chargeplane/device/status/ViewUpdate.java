package io.chargeplane.device.status;

import java.util.Map;

/**
 * What one event changes in a device's hot view: fields that are written only when the event is not older
 * than what the view holds under {@code guardField}, and the status change to record when they changed.
 *
 * @param guardField the hash field holding the time of the state these fields describe; null when the event
 *                   only proves that the device is alive
 * @param guardTime  the event's time for that state, epoch milliseconds
 * @param fields     hash fields to set, in a stable order
 * @param change     what to record and announce when the fields changed; null for samples (power, energy)
 * @param onlyIfAdapter when not null, the update applies only while the view names this adapter (or none): a
 *                   {@code disconnected} from an adapter that no longer holds the device must not take it offline
 */
public record ViewUpdate(String guardField, long guardTime, Map<String, String> fields, StatusChange change,
                         String onlyIfAdapter) {

    public static ViewUpdate aliveOnly() {
        return new ViewUpdate(null, 0, Map.of(), null, null);
    }

    public boolean guarded() {
        return guardField != null;
    }

    public ViewUpdate {
        fields = Map.copyOf(fields);
    }
}
