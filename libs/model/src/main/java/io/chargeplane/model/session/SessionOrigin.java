package io.chargeplane.model.session;

/** Who started a session. */
public enum SessionOrigin {
    /** A driver through the app (QR code on the connector); paid from the driver's wallet hold. */
    APP,
    /** Started at the charger with an RFID card or a local token; billed to the token's owner. */
    LOCAL,
    /** Started by an operator for a driver, from the console. */
    OPERATOR
}
