package io.chargeplane.device.domain;

/**
 * One connector of an EVSE as registered: its number within the EVSE (from 1), plug type, power type and
 * rated maximum power in W. Checked by {@link DeviceRules}, which reports every wrong field at once.
 */
public record ConnectorSpec(Integer connectorNumber, ConnectorType type, PowerType powerType, Integer maxPowerW) {
}
