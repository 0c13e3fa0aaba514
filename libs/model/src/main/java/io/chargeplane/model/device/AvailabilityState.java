package io.chargeplane.model.device;

/** Whether an operator allows an EVSE or station to be used; set by command, independent of faults. */
public enum AvailabilityState {
    OPERATIVE,
    INOPERATIVE
}
