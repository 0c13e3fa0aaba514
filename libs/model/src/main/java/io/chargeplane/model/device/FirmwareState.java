package io.chargeplane.model.device;

/**
 * Progress of a firmware update, the union of what OCPP 1.6, 2.0.1 and YKC report, so that one dashboard
 * can follow updates on any device.
 */
public enum FirmwareState {
    IDLE,
    DOWNLOAD_SCHEDULED,
    DOWNLOADING,
    DOWNLOADED,
    DOWNLOAD_FAILED,
    DOWNLOAD_PAUSED,
    SIGNATURE_VERIFIED,
    INVALID_SIGNATURE,
    INSTALL_SCHEDULED,
    INSTALLING,
    INSTALL_REBOOTING,
    INSTALLED,
    INSTALLATION_FAILED
}
