package io.chargeplane.billing.domain.ledger;

/**
 * A hold's life: HELD until the session ends, then CAPTURED (confirm) or RELEASED (cancel), never both and
 * never back. A repeated confirm or cancel of a hold already in that state is a harmless repeat.
 */
public enum HoldState {
    HELD,
    CAPTURED,
    RELEASED;

    /** What an attempt to move to {@code target} amounts to. */
    public enum Transition {
        /** Do it. */
        APPLY,
        /** Already there: answer with the hold as it is. */
        REPEAT,
        /** The hold ended the other way; refuse. */
        REFUSED
    }

    public Transition towards(HoldState target) {
        if (target == HELD) {
            throw new IllegalArgumentException("target: a hold only leaves HELD");
        }
        if (this == HELD) {
            return Transition.APPLY;
        }
        return this == target ? Transition.REPEAT : Transition.REFUSED;
    }
}
