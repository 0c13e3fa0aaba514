package io.chargeplane.model.device;

/** Where a parking lock's arm is. {@link #OBSTRUCTED} means it could not rise because something is on it. */
public enum LockPosition {
    RAISED,
    LOWERED,
    RAISING,
    LOWERING,
    OBSTRUCTED,
    UNKNOWN
}
