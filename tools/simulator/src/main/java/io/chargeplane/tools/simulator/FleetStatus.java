package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.util.Locale;

/**
 * A snapshot of a fleet's counters. Gauges: {@code connected}, {@code booted}, {@code sessionsActive}; the
 * rest count since the start.
 */
public record FleetStatus(int chargers, long connected, long booted, long bootsAccepted, long bootsRefused,
                          long sessionsActive, long sessionsStarted, long sessionsCompleted, long sessionsFailed,
                          long driversTurnedAway, long remoteStarts, long meterValues, long energyWh,
                          long callErrors, long callTimeouts, long connectFailures, long disconnectFaults,
                          long errorFaults, long rebootFaults) {

    /** The one-line status the command line prints every few seconds. */
    public String line(Duration elapsed) {
        return String.format(Locale.ROOT,
                "[%6ds] connected %d/%d booted %d | sessions active %d completed %d failed %d (remote %d, "
                        + "turned away %d) | %.1f kWh | errors %d timeouts %d connect-failures %d | faults "
                        + "disconnect %d error %d reboot %d",
                elapsed.toSeconds(), connected, chargers, booted, sessionsActive, sessionsCompleted, sessionsFailed,
                remoteStarts, driversTurnedAway, energyWh / 1000.0, callErrors, callTimeouts, connectFailures,
                disconnectFaults, errorFaults, rebootFaults);
    }

    /** The final summary, a few lines. */
    public String summary(Duration elapsed) {
        return String.format(Locale.ROOT, """
                Simulated %d chargers for %ds
                  boots accepted %d, refused %d; connected at the end %d
                  sessions started %d, completed %d, failed %d, still active %d (remote starts %d, drivers turned away %d)
                  energy delivered %.3f kWh in completed sessions, meter values sent %d
                  CALL errors %d, timeouts %d, connection failures %d
                  faults injected: disconnect %d, error %d, reboot %d""",
                chargers, elapsed.toSeconds(), bootsAccepted, bootsRefused, connected, sessionsStarted,
                sessionsCompleted, sessionsFailed, sessionsActive, remoteStarts, driversTurnedAway, energyWh / 1000.0,
                meterValues, callErrors, callTimeouts, connectFailures, disconnectFaults, errorFaults, rebootFaults);
    }
}
