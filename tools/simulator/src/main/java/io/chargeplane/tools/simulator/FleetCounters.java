package io.chargeplane.tools.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** The fleet's live counters, updated by every charger from its own event-loop thread. */
public final class FleetCounters {

    final AtomicLong connected = new AtomicLong();
    final AtomicLong booted = new AtomicLong();
    final AtomicLong bootsAccepted = new AtomicLong();
    final AtomicLong bootsRefused = new AtomicLong();
    final AtomicLong sessionsActive = new AtomicLong();
    final AtomicLong sessionsStarted = new AtomicLong();
    final AtomicLong sessionsCompleted = new AtomicLong();
    final AtomicLong sessionsFailed = new AtomicLong();
    final AtomicLong driversTurnedAway = new AtomicLong();
    final AtomicLong remoteStarts = new AtomicLong();
    final AtomicLong meterValues = new AtomicLong();
    final AtomicLong energyWh = new AtomicLong();
    final AtomicLong callErrors = new AtomicLong();
    final AtomicLong callTimeouts = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong disconnectFaults = new AtomicLong();
    final AtomicLong errorFaults = new AtomicLong();
    final AtomicLong rebootFaults = new AtomicLong();
    private final int chargers;

    FleetCounters(int chargers) {
        this.chargers = chargers;
    }

    void fault(FaultKind kind) {
        switch (kind) {
            case DISCONNECT -> disconnectFaults.incrementAndGet();
            case ERROR -> errorFaults.incrementAndGet();
            case REBOOT -> rebootFaults.incrementAndGet();
        }
    }

    void callFailed(Throwable error) {
        if (error instanceof CallErrorException e && CallErrorException.TIMEOUT.equals(e.code())) {
            callTimeouts.incrementAndGet();
        } else if (!(error instanceof CallErrorException e && e.connectionLost())) {
            callErrors.incrementAndGet();
        }
    }

    public FleetStatus snapshot() {
        return new FleetStatus(chargers, connected.get(), booted.get(), bootsAccepted.get(), bootsRefused.get(),
                sessionsActive.get(), sessionsStarted.get(), sessionsCompleted.get(), sessionsFailed.get(),
                driversTurnedAway.get(), remoteStarts.get(), meterValues.get(), energyWh.get(), callErrors.get(),
                callTimeouts.get(), connectFailures.get(), disconnectFaults.get(), errorFaults.get(),
                rebootFaults.get());
    }
}
