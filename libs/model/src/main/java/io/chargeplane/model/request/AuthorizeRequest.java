package io.chargeplane.model.request;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.Require;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;

/**
 * May this identification charge (or pass)? OCPP Authorize, YKC card authentication.
 *
 * @param evse where the driver stands, when the device says; may be null
 * @param connector may be null
 */
public record AuthorizeRequest(IdToken idToken, EvseId evse, ConnectorId connector) implements DeviceRequest {

    public static final String NAME = "authorize";

    public AuthorizeRequest {
        Require.present(idToken, "idToken");
        if (connector != null && evse == null) {
            throw new ModelValidationException("evse", "is required when connector is given");
        }
    }

    public static AuthorizeRequest of(IdToken idToken) {
        return new AuthorizeRequest(idToken, null, null);
    }

    @Override
    public String requestName() {
        return NAME;
    }
}
