package io.chargeplane.device.domain;

/** Whether a registered device may connect. A blocked device stays registered but is refused by adapters. */
public enum DeviceStatus {
    ENABLED,
    BLOCKED
}
