package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One connector's state machine and energy register (plain logic, no I/O): Available → Preparing → Charging →
 * Finishing → Available, Faulted and Unavailable beside. The register only grows, while Charging, at the rated
 * power or the cap a charging profile set; it is kept in mWh with the sub-mWh remainder carried, so the Wh
 * values sent add up exactly. It lives as long as the simulated charger, so it survives reboots.
 */
public final class Connector {

    /** Battery of the simulated car: how far a kWh moves the state of charge. */
    static final long BATTERY_MWH = 60_000_000L;

    private final int id;
    private final double ratedWatts;
    private ConnectorState state = ConnectorState.AVAILABLE;
    private long registerMwh;
    private long remainderWattMillis;
    private Instant lastAdvance;
    private Double capWatts;
    private Session session;
    private Boolean pendingOperative;
    private String lastReported;

    public Connector(int id, double ratedWatts, long initialRegisterMwh) {
        if (id < 1) {
            throw new IllegalArgumentException("connector ids start at 1");
        }
        this.id = id;
        this.ratedWatts = ratedWatts;
        this.registerMwh = initialRegisterMwh;
    }

    public int id() {
        return id;
    }

    public ConnectorState state() {
        return state;
    }

    public Session session() {
        return session;
    }

    public long registerMwh() {
        return registerMwh;
    }

    /** The register as an OCPP meter shows it: whole Wh, rounded down. */
    public long registerWh() {
        return registerMwh / 1_000;
    }

    /** The power drawn now: the rated power or the cap, zero unless Charging. */
    public double powerWatts() {
        return state == ConnectorState.CHARGING ? effectiveWatts() : 0;
    }

    private double effectiveWatts() {
        return capWatts == null ? ratedWatts : Math.min(ratedWatts, capWatts);
    }

    public void cap(Double watts) {
        this.capWatts = watts;
    }

    public Double capWatts() {
        return capWatts;
    }

    /** A driver plugs in for {@code s}: only from Available. */
    public void plugIn(Session s) {
        require(ConnectorState.AVAILABLE, "plug in");
        this.session = s;
        this.state = ConnectorState.PREPARING;
    }

    /** The transaction runs: energy flows from {@code now}. */
    public void startCharging(Instant now) {
        require(ConnectorState.PREPARING, "start charging");
        session.started(registerMwh, now);
        lastAdvance = now;
        state = ConnectorState.CHARGING;
    }

    /** Setting up the session failed (token refused, no transaction id): back to Available, no energy counted. */
    public Session abandon() {
        require(ConnectorState.PREPARING, "abandon");
        Session s = session;
        session = null;
        state = settledState();
        return s;
    }

    /** Adds the energy of the time since the last advance; only while Charging. */
    public void advance(Instant now) {
        if (state != ConnectorState.CHARGING || lastAdvance == null || !now.isAfter(lastAdvance)) {
            return;
        }
        long millis = Duration.between(lastAdvance, now).toMillis();
        lastAdvance = now;
        long wattMillis = Math.round(effectiveWatts() * millis) + remainderWattMillis;
        long added = wattMillis / 3_600;
        remainderWattMillis = wattMillis % 3_600;
        registerMwh += added;
        long delivered = registerMwh - session.startRegisterMwh();
        session.socPercent((int) Math.min(100, session.startSoc() + delivered * 100 / BATTERY_MWH));
    }

    /** Charging ends (energy counted up to {@code now}); the car is still plugged in. */
    public Session finish(Instant now) {
        require(ConnectorState.CHARGING, "finish");
        advance(now);
        state = ConnectorState.FINISHING;
        return session;
    }

    /** The driver unplugs after Finishing. */
    public void unplug() {
        require(ConnectorState.FINISHING, "unplug");
        session = null;
        state = settledState();
    }

    /** An error: Faulted from any state; a running session must have been finished by the caller first. */
    public void fault() {
        if (state == ConnectorState.CHARGING || state == ConnectorState.PREPARING) {
            throw new IllegalStateException("connector " + id + ": end the session before faulting (" + state + ")");
        }
        session = null;
        state = ConnectorState.FAULTED;
    }

    public void clearFault() {
        require(ConnectorState.FAULTED, "clear a fault");
        state = settledState();
    }

    /**
     * ChangeAvailability: applied now when nothing runs, otherwise remembered until the session is over.
     *
     * @return true if applied now, false if scheduled
     */
    public boolean changeAvailability(boolean operative) {
        if (state.busy()) {
            pendingOperative = operative;
            return false;
        }
        pendingOperative = null;
        if (state != ConnectorState.FAULTED) {
            state = operative ? ConnectorState.AVAILABLE : ConnectorState.UNAVAILABLE;
        } else if (!operative) {
            pendingOperative = false;
        }
        return true;
    }

    private ConnectorState settledState() {
        Boolean op = pendingOperative;
        pendingOperative = null;
        if (op != null && !op) {
            return ConnectorState.UNAVAILABLE;
        }
        return state == ConnectorState.UNAVAILABLE && op == null ? ConnectorState.UNAVAILABLE : ConnectorState.AVAILABLE;
    }

    /** The status name last sent for this connector, so a status is reported only when it changes. */
    String lastReported() {
        return lastReported;
    }

    void lastReported(String status) {
        this.lastReported = status;
    }

    private void require(ConnectorState expected, String what) {
        if (state != expected) {
            throw new IllegalStateException("connector " + id + ": cannot " + what + " while " + state);
        }
    }
}
