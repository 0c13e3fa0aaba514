package io.chargeplane.model.event;

/** Which way a vehicle passes a lane camera or gate. */
public enum Direction {
    ENTRY,
    EXIT
}
