package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;

/**
 * A device asked whether an identification may be used, and what was answered. The question itself is a
 * {@code request.AuthorizeRequest}; this event is the audit trail, published once the answer is known
 * (including an answer the adapter's offline policy gave on the platform's behalf).
 *
 * @param evse may be null when the device did not say where
 * @param connector may be null
 * @param outcome the status the device was given
 */
public record AuthorizationRequested(IdToken idToken, EvseId evse, ConnectorId connector, AuthorizationStatus outcome)
        implements DeviceEvent {

    public static final String NAME = "authorization_requested";

    public AuthorizationRequested {
        Require.present(idToken, "idToken");
        Location.connectorNeedsEvse(evse, connector);
        Require.present(outcome, "outcome");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
