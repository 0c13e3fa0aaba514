package io.chargeplane.tools.simulator;

/** What can go wrong with a simulated charger. */
public enum FaultKind {
    /** The network drops: the socket closes without a goodbye; the charger reconnects after the downtime. */
    DISCONNECT,
    /** A connector reports Faulted (a session on it stops); it recovers after the downtime. */
    ERROR,
    /** The charger restarts: sessions stop, the socket closes, it reconnects and boots again. */
    REBOOT
}
