package io.chargeplane.model.session;

/**
 * Where a charging session stands. {@link #COMPLETED} and {@link #FAILED} are final; a session never leaves
 * them.
 */
public enum SessionState {
    /** Accepted from a driver; money is being held and the charger asked to start. */
    STARTING,
    /** The charger reported the transaction; energy flows or may flow. */
    ACTIVE,
    /** A stop was asked for (driver, operator or a limit); waiting for the charger's final reading. */
    STOPPING,
    /** Ended with a final meter reading; ready to bill. */
    COMPLETED,
    /** Never started: the hold was refused, the charger refused or did not answer. */
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
