package io.chargeplane.bridge.ocpp.catalog;

import io.chargeplane.bridge.ocpp.rpc.OcppVersion;

/**
 * OCPP 1.6 feature profiles and OCPP 2.0.1 functional blocks: the unit in which the specification groups
 * messages and in which stations declare support.
 */
public enum FeatureGroup {
    // OCPP 1.6 feature profiles
    CORE(OcppVersion.OCPP16, "Core"),
    FIRMWARE_MANAGEMENT(OcppVersion.OCPP16, "FirmwareManagement"),
    LOCAL_AUTH_LIST_MANAGEMENT(OcppVersion.OCPP16, "LocalAuthListManagement"),
    RESERVATION(OcppVersion.OCPP16, "Reservation"),
    SMART_CHARGING(OcppVersion.OCPP16, "SmartCharging"),
    REMOTE_TRIGGER(OcppVersion.OCPP16, "RemoteTrigger"),

    // OCPP 2.0.1 functional blocks (letters as in the specification)
    SECURITY_201(OcppVersion.OCPP201, "A. Security"),
    PROVISIONING_201(OcppVersion.OCPP201, "B. Provisioning"),
    AUTHORIZATION_201(OcppVersion.OCPP201, "C. Authorization"),
    LOCAL_AUTHORIZATION_LIST_201(OcppVersion.OCPP201, "D. LocalAuthorizationListManagement"),
    TRANSACTIONS_201(OcppVersion.OCPP201, "E. Transactions"),
    REMOTE_CONTROL_201(OcppVersion.OCPP201, "F. RemoteControl"),
    AVAILABILITY_201(OcppVersion.OCPP201, "G. Availability"),
    RESERVATION_201(OcppVersion.OCPP201, "H. Reservation"),
    METER_VALUES_201(OcppVersion.OCPP201, "J. MeterValues"),
    SMART_CHARGING_201(OcppVersion.OCPP201, "K. SmartCharging"),
    FIRMWARE_MANAGEMENT_201(OcppVersion.OCPP201, "L. FirmwareManagement"),
    DATA_TRANSFER_201(OcppVersion.OCPP201, "P. DataTransfer");

    private final OcppVersion version;
    private final String specName;

    FeatureGroup(OcppVersion version, String specName) {
        this.version = version;
        this.specName = specName;
    }

    public OcppVersion version() {
        return version;
    }

    /** The name the specification uses, for documentation and logs. */
    public String specName() {
        return specName;
    }
}
