package io.chargeplane.charging.domain;

import io.chargeplane.model.session.SessionState;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static io.chargeplane.model.session.SessionState.ACTIVE;
import static io.chargeplane.model.session.SessionState.COMPLETED;
import static io.chargeplane.model.session.SessionState.FAILED;
import static io.chargeplane.model.session.SessionState.STARTING;
import static io.chargeplane.model.session.SessionState.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionTransitionsTest {

    private static Set<SessionState> targetsOf(SessionState from) {
        Set<SessionState> targets = EnumSet.noneOf(SessionState.class);
        for (SessionState to : SessionState.values()) {
            if (to != from && SessionTransitions.allowed(from, to)) {
                targets.add(to);
            }
        }
        return targets;
    }

    @Test
    void theAllowedMovesAreExactlyTheseAndNoOthers() {
        assertEquals(EnumSet.of(ACTIVE, COMPLETED, FAILED), targetsOf(STARTING));
        assertEquals(EnumSet.of(STOPPING, COMPLETED), targetsOf(ACTIVE));
        assertEquals(EnumSet.of(COMPLETED), targetsOf(STOPPING));
        assertEquals(EnumSet.noneOf(SessionState.class), targetsOf(COMPLETED));
        assertEquals(EnumSet.noneOf(SessionState.class), targetsOf(FAILED));
    }

    @Test
    void aRunningSessionCanNeverFailAndAFinalOneNeverMoves() {
        assertThrows(SessionTransitions.IllegalTransitionException.class, () -> SessionTransitions.require(ACTIVE, FAILED));
        assertThrows(SessionTransitions.IllegalTransitionException.class, () -> SessionTransitions.require(COMPLETED, ACTIVE));
        assertThrows(SessionTransitions.IllegalTransitionException.class, () -> SessionTransitions.require(FAILED, STARTING));
    }
}
