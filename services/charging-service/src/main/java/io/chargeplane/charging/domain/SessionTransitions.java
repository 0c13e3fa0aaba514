package io.chargeplane.charging.domain;

import io.chargeplane.model.session.SessionState;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.chargeplane.model.session.SessionState.ACTIVE;
import static io.chargeplane.model.session.SessionState.COMPLETED;
import static io.chargeplane.model.session.SessionState.FAILED;
import static io.chargeplane.model.session.SessionState.STARTING;
import static io.chargeplane.model.session.SessionState.STOPPING;

/**
 * The allowed moves between {@link SessionState}s, written out so that a new move is a deliberate edit here. A
 * STARTING session may stop before the charger reported (the driver changed their mind) and may complete directly
 * when the charger's start and end arrive together after an outage; a final state is never left.
 */
public final class SessionTransitions {

    private static final Map<SessionState, Set<SessionState>> ALLOWED = new EnumMap<>(SessionState.class);

    static {
        ALLOWED.put(STARTING, EnumSet.of(ACTIVE, COMPLETED, FAILED));
        ALLOWED.put(ACTIVE, EnumSet.of(STOPPING, COMPLETED));
        ALLOWED.put(STOPPING, EnumSet.of(COMPLETED));
        ALLOWED.put(COMPLETED, EnumSet.noneOf(SessionState.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(SessionState.class));
    }

    private SessionTransitions() {
    }

    public static boolean allowed(SessionState from, SessionState to) {
        return from == to || ALLOWED.get(from).contains(to);
    }

    /** Fails with {@link IllegalTransitionException} when the move is not allowed. */
    public static void require(SessionState from, SessionState to) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }

    /** A move the state machine does not allow; the API answers it as a 409 conflict. */
    public static final class IllegalTransitionException extends RuntimeException {
        private final SessionState from;
        private final SessionState to;

        public IllegalTransitionException(SessionState from, SessionState to) {
            super("a " + from + " session cannot become " + to);
            this.from = from;
            this.to = to;
        }

        public SessionState from() {
            return from;
        }

        public SessionState to() {
            return to;
        }
    }
}
