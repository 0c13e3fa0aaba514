package io.chargeplane.model.event;

/** Why a transaction ended: the union of OCPP 1.6/2.0.1 reasons and YKC stop codes, classified. */
public enum StopReason {
    LOCAL,
    REMOTE,
    EV_DISCONNECTED,
    DE_AUTHORIZED,
    EMERGENCY_STOP,
    ENERGY_LIMIT_REACHED,
    TIME_LIMIT_REACHED,
    COST_LIMIT_REACHED,
    SOC_LIMIT_REACHED,
    /** The vehicle stopped drawing power (fully charged or its own limit). */
    EV_FINISHED,
    INSUFFICIENT_FUNDS,
    HARD_RESET,
    SOFT_RESET,
    REBOOT,
    POWER_LOSS,
    UNLOCK_COMMAND,
    FAULT,
    OTHER
}
