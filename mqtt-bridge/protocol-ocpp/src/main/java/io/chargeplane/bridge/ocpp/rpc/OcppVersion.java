package io.chargeplane.bridge.ocpp.rpc;

import java.util.Optional;

/**
 * The OCPP-J versions this adapter speaks, each named by its WebSocket subprotocol token.
 *
 * <p>Declaration order is preference order for negotiation: the newest version comes first. OCPP 2.1
 * ({@code ocpp2.1}) slots in above {@link #OCPP201} once its schemas and catalogue exist; nothing else here
 * needs to change for it.
 */
public enum OcppVersion {
    OCPP201("ocpp2.0.1"),
    OCPP16("ocpp1.6");

    private final String subprotocol;

    OcppVersion(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    /** The exact {@code Sec-WebSocket-Protocol} token, e.g. {@code ocpp1.6}. */
    public String subprotocol() {
        return subprotocol;
    }

    /** The version whose subprotocol token is exactly {@code token} (tokens are case-sensitive). */
    public static Optional<OcppVersion> fromSubprotocol(String token) {
        for (OcppVersion v : values()) {
            if (v.subprotocol.equals(token)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
