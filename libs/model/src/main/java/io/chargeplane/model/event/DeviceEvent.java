package io.chargeplane.model.event;

import io.chargeplane.model.CanonicalPayload;

/**
 * Something a device reported or its adapter observed, in protocol-neutral form. The set is closed so that
 * consumers can switch over it exhaustively and the compiler tells them when an event kind is added.
 */
public sealed interface DeviceEvent extends CanonicalPayload
        permits Connected, Disconnected, Booted, ConnectorStatusChanged, MeterSample, TransactionStarted,
        TransactionUpdated, TransactionEnded, AuthorizationRequested, VehicleDetected, BarrierStateChanged,
        LockStateChanged, Fault, FirmwareStatusChanged, LogEvent {

    /** The name used as the MQTT topic level ({@code .../evt/meter_sample}) and inside the CloudEvents type. */
    String eventName();
}
