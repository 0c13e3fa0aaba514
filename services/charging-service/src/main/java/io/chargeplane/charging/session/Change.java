package io.chargeplane.charging.session;

import io.chargeplane.charging.domain.Session;
import io.chargeplane.model.session.SessionState;

/** One saved change of a session; what must happen after the commit follows from the two versions. */
public record Change(Session before, Session after) {

    public boolean stopJustRequested() {
        return after.state() == SessionState.STOPPING && (before == null || before.state() != SessionState.STOPPING);
    }

    public boolean justFailed() {
        return after.state() == SessionState.FAILED && (before == null || before.state() != SessionState.FAILED);
    }
}
