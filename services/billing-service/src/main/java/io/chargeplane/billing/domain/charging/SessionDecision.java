package io.chargeplane.billing.domain.charging;

import io.chargeplane.model.session.ChargingSessionChanged;

/**
 * What billing does with one session event. Only the end of a session matters: every other state is news for
 * charging-service's own consumers. A session is rated at most once, so the decision does not depend on which
 * copies of which events arrived before; the store's row per session makes a repeat change nothing.
 */
public enum SessionDecision {
    /** Nothing to do (a session still running, or any state before the end). */
    IGNORE,
    /** Rate the completed session and charge it. */
    RATE,
    /** The session failed: give back whatever its hold still holds. */
    RELEASE_HOLD;

    /**
     * @param alreadyRated whether the session has a rated row; a FAILED copy arriving after COMPLETED (it cannot
     *                     happen in one session's order, but a stale copy may) leaves the captured hold alone
     */
    public static SessionDecision of(ChargingSessionChanged event, boolean alreadyRated) {
        return switch (event.state()) {
            case COMPLETED -> alreadyRated ? IGNORE : RATE;
            case FAILED -> alreadyRated || event.holdId() == null ? IGNORE : RELEASE_HOLD;
            case STARTING, ACTIVE, STOPPING -> IGNORE;
        };
    }
}
