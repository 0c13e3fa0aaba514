package io.chargeplane.bridge.ocpp.catalog;

import io.chargeplane.bridge.ocpp.rpc.OcppVersion;

/**
 * One action of one OCPP version as this message layer supports it.
 *
 * @param version   the protocol version
 * @param action    the exact action name on the wire, e.g. {@code BootNotification}
 * @param direction who sends the CALL
 * @param group     the 1.6 feature profile or 2.0.1 functional block
 */
public record ActionSpec(OcppVersion version, String action, Direction direction, FeatureGroup group) {

    public ActionSpec {
        if (group.version() != version) {
            throw new IllegalArgumentException(action + ": group " + group + " belongs to " + group.version());
        }
    }
}
