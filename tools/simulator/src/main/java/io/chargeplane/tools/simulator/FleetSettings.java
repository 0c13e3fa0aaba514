package io.chargeplane.tools.simulator;

import io.chargeplane.tools.loadgen.OcppDialect;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a fleet run needs. Rates are per charger and hour (a fleet-wide arrival rate is divided by the
 * number of chargers when parsed). Build one with {@link #builder()} or {@link SettingsParser}.
 *
 * @param bridgeUrl the CSMS base URL; a station connects to {@code bridgeUrl + "/" + stationId}
 * @param arrivalsPerHour drivers arriving at each charger per hour (Poisson); 0 = only remote starts
 * @param rfidTags idTags drivers present for local sessions, picked at random
 * @param powerKw rated power of each connector
 * @param meterInterval time between meter values of a running session (until the CSMS changes it)
 * @param disconnectsPerHour, errorsPerHour, rebootsPerHour injected faults per charger and hour
 * @param downtime how long a disconnect or a connector error lasts
 * @param plugOutDelay time between a session's end (Finishing) and the connector being Available again
 * @param seed seed of every random choice; the same seed replays the same arrivals, lengths and faults
 * @param duration how long the command-line run lasts; zero = until stopped
 * @param statusInterval how often the command line prints its status line
 * @param clock the chargers' clock: the time in their frames (transaction start and end, meter values, statuses)
 *     and the time by which their registers count energy. Real time by default; {@link Builder#clockStart} runs
 *     it from another instant (a demo or test at a time-of-use boundary), and any {@link Clock} may drive it, e.g.
 *     one a test steps, so that the energy between two instants is exactly power × their distance. Timers
 *     (meter interval, session length, faults) always run in real time.
 */
public record FleetSettings(URI bridgeUrl, List<StationSpec> stations, double arrivalsPerHour, List<String> rfidTags,
                            SessionLength sessionLength, double powerKw, Duration meterInterval,
                            double disconnectsPerHour, double errorsPerHour, double rebootsPerHour, Duration downtime,
                            Duration plugOutDelay, long seed, Duration duration, Duration statusInterval,
                            Duration callTimeout, int eventLoops, Clock clock) {

    public FleetSettings {
        if (clock == null) {
            throw new IllegalArgumentException("a fleet needs a clock");
        }
        stations = List.copyOf(stations);
        rfidTags = List.copyOf(rfidTags);
        if (stations.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one station");
        }
        if (rfidTags.isEmpty() || rfidTags.stream().anyMatch(t -> t.isBlank() || t.length() > 20)) {
            throw new IllegalArgumentException("RFID tags: at least one, each 1..20 characters (1.6 idTag)");
        }
        if (powerKw <= 0) {
            throw new IllegalArgumentException("power must be > 0 kW");
        }
        if (meterInterval.isNegative() || meterInterval.isZero()) {
            throw new IllegalArgumentException("meter interval must be > 0");
        }
        for (double rate : new double[] {arrivalsPerHour, disconnectsPerHour, errorsPerHour, rebootsPerHour}) {
            if (rate < 0 || Double.isNaN(rate)) {
                throw new IllegalArgumentException("rates must be >= 0 per hour");
            }
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("event loops must be >= 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy to change a few settings, e.g. in tests. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bridgeUrl = bridgeUrl;
        b.stations = new ArrayList<>(stations);
        b.arrivalsPerHour = arrivalsPerHour;
        b.rfidTags = rfidTags;
        b.sessionLength = sessionLength;
        b.powerKw = powerKw;
        b.meterInterval = meterInterval;
        b.disconnectsPerHour = disconnectsPerHour;
        b.errorsPerHour = errorsPerHour;
        b.rebootsPerHour = rebootsPerHour;
        b.downtime = downtime;
        b.plugOutDelay = plugOutDelay;
        b.seed = seed;
        b.duration = duration;
        b.statusInterval = statusInterval;
        b.callTimeout = callTimeout;
        b.eventLoops = eventLoops;
        b.clock = clock;
        return b;
    }

    /** {@code count} stations {@code prefix0001...}; version {@code mixed} alternates 1.6 and 2.0.1. */
    public static List<StationSpec> generated(String prefix, int count, String version, int connectors, String password) {
        if (count < 1) {
            throw new IllegalArgumentException("--chargers must be >= 1");
        }
        boolean mixed = version.trim().equalsIgnoreCase("mixed");
        OcppDialect fixed = mixed ? null : OcppDialect.parse(version);
        List<StationSpec> list = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            OcppDialect v = mixed ? (i % 2 == 1 ? OcppDialect.OCPP16 : OcppDialect.OCPP201) : fixed;
            list.add(new StationSpec(prefix + String.format("%04d", i), password, v, connectors));
        }
        return list;
    }

    public static final class Builder {
        private URI bridgeUrl = URI.create("ws://127.0.0.1:8180/ocpp");
        private List<StationSpec> stations = new ArrayList<>();
        private double arrivalsPerHour = 2;
        private List<String> rfidTags = List.of("SIM-TAG-0001", "SIM-TAG-0002", "SIM-TAG-0003");
        private SessionLength sessionLength = new SessionLength.Uniform(Duration.ofMinutes(2), Duration.ofMinutes(10));
        private double powerKw = 11;
        private Duration meterInterval = Duration.ofSeconds(10);
        private double disconnectsPerHour;
        private double errorsPerHour;
        private double rebootsPerHour;
        private Duration downtime = Duration.ofSeconds(10);
        private Duration plugOutDelay = Duration.ofSeconds(3);
        private long seed = 1;
        private Duration duration = Duration.ZERO;
        private Duration statusInterval = Duration.ofSeconds(5);
        private Duration callTimeout = Duration.ofSeconds(30);
        private int eventLoops = Math.min(2, Runtime.getRuntime().availableProcessors());
        private Clock clock = Clock.systemUTC();

        public Builder bridgeUrl(URI v) { bridgeUrl = v; return this; }
        public Builder stations(List<StationSpec> v) { stations = new ArrayList<>(v); return this; }
        public Builder arrivalsPerHour(double v) { arrivalsPerHour = v; return this; }
        public Builder rfidTags(List<String> v) { rfidTags = v; return this; }
        public Builder sessionLength(SessionLength v) { sessionLength = v; return this; }
        public Builder powerKw(double v) { powerKw = v; return this; }
        public Builder meterInterval(Duration v) { meterInterval = v; return this; }
        public Builder disconnectsPerHour(double v) { disconnectsPerHour = v; return this; }
        public Builder errorsPerHour(double v) { errorsPerHour = v; return this; }
        public Builder rebootsPerHour(double v) { rebootsPerHour = v; return this; }
        public Builder downtime(Duration v) { downtime = v; return this; }
        public Builder plugOutDelay(Duration v) { plugOutDelay = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder statusInterval(Duration v) { statusInterval = v; return this; }
        public Builder callTimeout(Duration v) { callTimeout = v; return this; }
        public Builder eventLoops(int v) { eventLoops = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }

        /** The chargers' clock reads {@code start} now and then advances with real time (a fixed offset). */
        public Builder clockStart(Instant start) {
            Clock system = Clock.systemUTC();
            clock = Clock.offset(system, Duration.between(system.instant(), start));
            return this;
        }

        public FleetSettings build() {
            return new FleetSettings(bridgeUrl, stations, arrivalsPerHour, rfidTags, sessionLength, powerKw,
                    meterInterval, disconnectsPerHour, errorsPerHour, rebootsPerHour, downtime, plugOutDelay, seed,
                    duration, statusInterval, callTimeout, eventLoops, clock);
        }
    }
}
