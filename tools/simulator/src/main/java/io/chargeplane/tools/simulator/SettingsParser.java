package io.chargeplane.tools.simulator;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link FleetSettings} from command-line flags ({@code --chargers 10}) and, with {@code --config FILE},
 * from a properties file whose keys are the same names without dashes in front ({@code chargers=10}). Flags
 * win over the file.
 */
public final class SettingsParser {

    static final Set<String> KEYS = new TreeSet<>(List.of("config", "url", "stations", "chargers", "ocpp",
            "connectors", "prefix", "password", "arrivals-per-hour", "arrival-scope", "tags", "session-length",
            "power-kw", "meter-interval", "disconnects-per-hour", "errors-per-hour", "reboots-per-hour", "downtime",
            "plug-out-delay", "seed", "duration", "status-interval", "call-timeout", "event-loops", "clock-start"));

    public static final String USAGE = """
            chargeplane-simulator [--config FILE] [options]
              --url ws://127.0.0.1:8180/ocpp   CSMS base URL (station id appended)
              --stations FILE                  stations file: id,password,version[,connectors] per line
              --chargers N --ocpp 1.6|2.0.1|mixed --connectors K --prefix SIM- --password P
                                               a generated fleet (when no stations file is given)
              --arrivals-per-hour R            Poisson driver arrivals (default 2)
              --arrival-scope charger|fleet    R per charger (default) or for the whole fleet
              --tags T1,T2                     RFID idTags for local sessions
              --session-length DIST            fixed:30m | uniform:2m-10m (default) | exp:30m
              --power-kw KW                    rated power per connector (default 11)
              --meter-interval 10s             meter values while charging
              --disconnects-per-hour R --errors-per-hour R --reboots-per-hour R   faults per charger
              --downtime 10s                   how long a disconnect or connector error lasts
              --plug-out-delay 3s              Finishing to Available
              --seed S                         random seed (reproducible runs, default 1)
              --duration 10m                   run time (default: until Ctrl-C)
              --status-interval 5s --call-timeout 30s --event-loops 2
              --clock-start 2026-11-25T09:55:00+01:00
                                               the chargers' clock starts there and runs in real time
                                               (timestamps in frames, energy); default: the real time
            """;

    private SettingsParser() {
    }

    public static FleetSettings parse(List<String> args) throws IOException {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> flags = flags(args);
        if (flags.containsKey("config")) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(flags.get("config")), StandardCharsets.UTF_8)) {
                file.load(in);
            }
            for (String key : file.stringPropertyNames()) {
                requireKnown(key, "in " + flags.get("config"));
                given.put(key, file.getProperty(key).trim());
            }
        }
        given.putAll(flags);
        return fromMap(given);
    }

    static FleetSettings fromMap(Map<String, String> m) throws IOException {
        FleetSettings.Builder b = FleetSettings.builder();
        List<StationSpec> stations = m.containsKey("stations")
                ? StationsFile.read(Path.of(m.get("stations")))
                : FleetSettings.generated(m.getOrDefault("prefix", "SIM-"), integer(m, "chargers", 10),
                        m.getOrDefault("ocpp", "mixed"), integer(m, "connectors", 2),
                        m.getOrDefault("password", "simulator-secret-0001"));
        b.stations(stations);
        if (m.containsKey("url")) {
            String url = m.get("url");
            b.bridgeUrl(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
        }
        double arrivals = number(m, "arrivals-per-hour", 2);
        String scope = m.getOrDefault("arrival-scope", "charger");
        switch (scope) {
            case "charger" -> b.arrivalsPerHour(arrivals);
            case "fleet" -> b.arrivalsPerHour(arrivals / stations.size());
            default -> throw new IllegalArgumentException("--arrival-scope: charger or fleet, not '" + scope + "'");
        }
        if (m.containsKey("tags")) {
            b.rfidTags(Arrays.stream(m.get("tags").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if (m.containsKey("session-length")) {
            b.sessionLength(SessionLength.parse(m.get("session-length")));
        }
        if (m.containsKey("power-kw")) {
            b.powerKw(number(m, "power-kw", 0));
        }
        durationIf(m, "meter-interval", b::meterInterval);
        durationIf(m, "downtime", b::downtime);
        durationIf(m, "plug-out-delay", b::plugOutDelay);
        durationIf(m, "duration", b::duration);
        durationIf(m, "status-interval", b::statusInterval);
        durationIf(m, "call-timeout", b::callTimeout);
        b.disconnectsPerHour(number(m, "disconnects-per-hour", 0));
        b.errorsPerHour(number(m, "errors-per-hour", 0));
        b.rebootsPerHour(number(m, "reboots-per-hour", 0));
        if (m.containsKey("seed")) {
            b.seed(Long.parseLong(m.get("seed")));
        }
        if (m.containsKey("event-loops")) {
            b.eventLoops(integer(m, "event-loops", 2));
        }
        if (m.containsKey("clock-start")) {
            b.clockStart(instant(m, "clock-start"));
        }
        return b.build();
    }

    private static Map<String, String> flags(List<String> args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
            requireKnown(key, "");
            flags.put(key, value);
        }
        return flags;
    }

    private static void requireKnown(String key, String where) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown setting '" + key + "'" + (where.isEmpty() ? "" : " " + where)
                    + "; known: " + KEYS);
        }
    }

    private static int integer(Map<String, String> m, String key, int fallback) {
        String v = m.get(key);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": not an integer: '" + v + "'");
        }
    }

    private static double number(Map<String, String> m, String key, double fallback) {
        String v = m.get(key);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": not a number: '" + v + "'");
        }
    }

    /** An instant with an offset ({@code 2026-11-25T09:55:00+01:00}) or in UTC ({@code 2026-11-25T08:55:00Z}). */
    private static java.time.Instant instant(Map<String, String> m, String key) {
        String v = m.get(key).trim();
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--" + key + ": not a date-time with offset, e.g. 2026-11-25T09:55:00+01:00: '"
                    + v + "'");
        }
    }

    private static void durationIf(Map<String, String> m, String key, java.util.function.Consumer<java.time.Duration> set) {
        if (m.containsKey(key)) {
            try {
                set.accept(Durations.parse(m.get(key)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + key + ": " + e.getMessage());
            }
        }
    }
}
