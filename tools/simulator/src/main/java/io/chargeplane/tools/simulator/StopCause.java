package io.chargeplane.tools.simulator;

/** Why a session ended, in version-neutral terms; each protocol maps it to its own reason and trigger. */
public enum StopCause {
    /** The driver's session length elapsed and the driver stopped it locally. */
    LOCAL,
    /** The CSMS asked (RemoteStop / RequestStop). */
    REMOTE,
    /** An injected error made the connector faulted. */
    FAULT,
    /** The charger restarts (an injected reboot). */
    REBOOT,
    /** A Reset from the CSMS. */
    HARD_RESET,
    SOFT_RESET,
    /** UnlockConnector while charging. */
    UNLOCK,
    /** The CSMS refused the token after the transaction had started. */
    DEAUTHORIZED
}
