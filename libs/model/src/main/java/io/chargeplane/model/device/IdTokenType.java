package io.chargeplane.model.device;

/** Where an identification came from; decides how charging-service looks it up. */
public enum IdTokenType {
    RFID,
    /** Started from the driver app; the value is a platform-issued token. */
    APP,
    VIN,
    /** A licence plate read by a camera. */
    PLATE,
    /** A code typed on the device's keypad. */
    KEY_CODE,
    /** Issued by the platform itself (remote start by an operator). */
    CENTRAL,
    /** An e-mobility account id (ISO 15118 contract). */
    EMAID,
    MAC_ADDRESS,
    /** Free vend or plug-and-charge without identification; the value may be empty. */
    NO_AUTHORIZATION,
    /** Known only to the device's local list. */
    LOCAL
}
