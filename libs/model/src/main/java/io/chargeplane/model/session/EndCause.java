package io.chargeplane.model.session;

/** Why a session ended. */
public enum EndCause {
    /** The driver stopped it through the app. */
    DRIVER,
    /** An operator stopped it. */
    OPERATOR,
    /** The charger ended it on its own (cable unplugged, card presented, local stop, fault, reboot). */
    CHARGER,
    /** The energy limit asked for at start was reached. */
    ENERGY_LIMIT,
    /** The amount limit (or the money held) was reached. */
    AMOUNT_LIMIT,
    /** The time limit asked for at start was reached. */
    TIME_LIMIT,
    /** No news from the charger for longer than the timeout rule allows; closed with the last reading known. */
    TIMEOUT
}
