package io.chargeplane.model.envelope;

import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.device.Capability;

/**
 * What a CloudEvents {@code type} resolves to: the family, the record class to bind {@code data} to, and for
 * commands the capability (whose record sits inside the {@code CommandRequest}).
 *
 * @param name the event, capability or request name inside the type; null for command results
 * @param commandCapability set only for {@link PayloadKind#COMMAND}
 */
public record PayloadType(String type, PayloadKind kind, String name, Class<? extends CanonicalPayload> dataClass,
                          Capability commandCapability) {
}
