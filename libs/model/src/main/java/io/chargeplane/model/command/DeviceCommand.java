package io.chargeplane.model.command;

import io.chargeplane.model.device.Capability;

/**
 * One instruction to a device, one record per {@link Capability}. Closed so that an adapter's translation
 * switch is checked for completeness by the compiler. Commands travel wrapped in a {@link CommandRequest}.
 */
public sealed interface DeviceCommand
        permits StartCharging, StopCharging, GetStatus, Reset, UnlockConnector, SetAvailability, SetChargingLimit,
        UpdateTariff, UpdateFirmware, OpenBarrier, CloseBarrier, RaiseLock, LowerLock {

    Capability capability();
}
