package io.chargeplane.device.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log.
 *
 * @param action        {@code command_refused} (refused before it left the service), {@code command_sent} (published
 *                      to the device) or {@code command_result} (the result that came back, or its absence)
 * @param commandId     the command resource; null when the command was refused before one was created
 * @param payloadDigest SHA-256 (hex) of the command payload as the caller sent it
 * @param outcome       e.g. {@code SENT}, {@code ACCEPTED}, {@code DEVICE_OFFLINE}, {@code NOT_SUPPORTED}
 */
public record AuditEntry(UUID id, String tenant, String actor, String action, UUID deviceId, String deviceIdentity,
                         String capability, UUID commandId, String payloadDigest, String outcome, String reasonCode,
                         Instant occurredAt) {

    public static AuditEntry of(String tenant, String actor, String action, UUID deviceId, String deviceIdentity,
                                String capability, UUID commandId, String payloadDigest, String outcome,
                                String reasonCode) {
        return new AuditEntry(UUID.randomUUID(), tenant, actor, action, deviceId, deviceIdentity, capability, commandId,
                payloadDigest, outcome, reasonCode, Instant.now());
    }
}
