package io.chargeplane.tools.loadgen;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load run, as given on the command line ({@code --key value}). Every key has a default.
 *
 * @param host the bridge's OCPP listener host
 * @param port the bridge's OCPP listener port ({@code chargeplane.bridge.ocpp.port})
 * @param dialect OCPP version the chargers speak
 * @param scenario what they do
 * @param chargers simulated chargers in total
 * @param processes child processes they are spread over (each holds at most {@link #MAX_PER_PROCESS})
 * @param firstStation number of the first station ({@code prefix + 6 digits})
 * @param prefix station id prefix
 * @param password the Basic-auth password every simulated station uses
 * @param eventLoops Vert.x event loops per process
 * @param rate meter-loop: CALLs per second over all chargers, 0 = as fast as answers come
 * @param warmup meter-loop: time after the start that is not counted
 * @param duration meter-loop: the measured window
 * @param hold idle: how long connections are held
 * @param callTimeout how long a CALL or a connect may take before it counts as failed
 * @param sourceAddresses spread child processes over loopback source addresses 127.0.0.2.., so each has
 *                        its own ephemeral port range
 * @param measure processes of the platform to sample (name=pid), e.g. {@code bridge=123,broker=456}
 */
public record Settings(String host, int port, OcppDialect dialect, Scenario scenario, int chargers, int processes,
                       int firstStation, String prefix, String password, int eventLoops, int rate, Duration warmup,
                       Duration duration, Duration hold, Duration callTimeout, boolean sourceAddresses,
                       Map<String, Long> measure) {

    /** Sockets one generator process may hold: the process file limit here is 20,000. */
    public static final int MAX_PER_PROCESS = 18_000;

    public static Settings defaults() {
        return new Settings("127.0.0.1", 8180, OcppDialect.OCPP16, Scenario.BOOT_BURST, 100, 1, 1, "LG-",
                "loadgen-secret", 2, 0, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(60), true, Map.of());
    }

    public static Settings parse(List<String> args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            if (!key.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --key value, got '" + key + "'");
            }
            given.put(key.substring(2), args.get(++i));
        }
        Settings d = defaults();
        Settings s = new Settings(
                given.getOrDefault("host", d.host),
                Integer.parseInt(given.getOrDefault("port", Integer.toString(d.port))),
                given.containsKey("version") ? OcppDialect.parse(given.get("version")) : d.dialect,
                given.containsKey("scenario") ? Scenario.parse(given.get("scenario")) : d.scenario,
                Integer.parseInt(given.getOrDefault("chargers", Integer.toString(d.chargers))),
                Integer.parseInt(given.getOrDefault("processes", Integer.toString(d.processes))),
                Integer.parseInt(given.getOrDefault("first-station", Integer.toString(d.firstStation))),
                given.getOrDefault("prefix", d.prefix),
                given.getOrDefault("password", d.password),
                Integer.parseInt(given.getOrDefault("event-loops", Integer.toString(d.eventLoops))),
                Integer.parseInt(given.getOrDefault("rate", Integer.toString(d.rate))),
                seconds(given, "warmup", d.warmup), seconds(given, "duration", d.duration),
                seconds(given, "hold", d.hold), seconds(given, "call-timeout", d.callTimeout),
                Boolean.parseBoolean(given.getOrDefault("source-addresses", Boolean.toString(d.sourceAddresses))),
                given.containsKey("measure") ? pids(given.get("measure")) : d.measure);
        for (String key : given.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + " (known: " + KEYS + ")");
            }
        }
        return s.validated();
    }

    private static final List<String> KEYS = List.of("host", "port", "version", "scenario", "chargers", "processes",
            "first-station", "prefix", "password", "event-loops", "rate", "warmup", "duration", "hold", "call-timeout",
            "source-addresses", "measure");

    private Settings validated() {
        if (chargers < 1 || processes < 1 || processes > chargers) {
            throw new IllegalArgumentException("need 1 <= processes <= chargers");
        }
        if ((chargers + processes - 1) / processes > MAX_PER_PROCESS) {
            throw new IllegalArgumentException("at most " + MAX_PER_PROCESS + " chargers per process (file limit): use --processes "
                    + ((chargers + MAX_PER_PROCESS - 1) / MAX_PER_PROCESS) + " or more");
        }
        if (firstStation < 0 || rate < 0 || eventLoops < 1) {
            throw new IllegalArgumentException("first-station, rate must be >= 0 and event-loops >= 1");
        }
        return this;
    }

    /** The share of child {@code index} (0-based): its chargers, first station and rate. */
    public Settings share(int index) {
        int base = chargers / processes;
        int extra = chargers % processes;
        int count = base + (index < extra ? 1 : 0);
        int first = firstStation + index * base + Math.min(index, extra);
        int shareRate = rate == 0 ? 0 : Math.max(1, (int) Math.round((double) rate * count / chargers));
        return new Settings(host, port, dialect, scenario, count, 1, first, prefix, password, eventLoops, shareRate,
                warmup, duration, hold, callTimeout, sourceAddresses, Map.of());
    }

    /** Command-line form, so a child process gets exactly this run. */
    public List<String> toArgs() {
        return List.of("--host", host, "--port", Integer.toString(port), "--version", dialect.subprotocol(),
                "--scenario", scenario.id(), "--chargers", Integer.toString(chargers), "--processes", "1",
                "--first-station", Integer.toString(firstStation), "--prefix", prefix, "--password", password,
                "--event-loops", Integer.toString(eventLoops), "--rate", Integer.toString(rate),
                "--warmup", secondsText(warmup), "--duration", secondsText(duration), "--hold", secondsText(hold),
                "--call-timeout", secondsText(callTimeout), "--source-addresses", Boolean.toString(sourceAddresses));
    }

    public String stationId(int number) {
        return prefix + String.format("%06d", number);
    }

    private static Duration seconds(Map<String, String> given, String key, Duration fallback) {
        String v = given.get(key);
        return v == null ? fallback : Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }

    private static String secondsText(Duration d) {
        return Double.toString(d.toMillis() / 1000.0);
    }

    private static Map<String, Long> pids(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--measure takes name=pid[,name=pid...]");
            }
            out.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
        }
        return out;
    }
}
