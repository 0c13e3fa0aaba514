package io.chargeplane.model.device;

/** SOFT lets running sessions end cleanly first; HARD restarts the device at once. */
public enum ResetKind {
    SOFT,
    HARD
}
