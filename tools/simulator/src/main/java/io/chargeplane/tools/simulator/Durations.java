package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.util.Locale;

/** Durations as people type them on a command line: {@code 500ms}, {@code 90s}, {@code 20m}, {@code 2h}, or ISO-8601. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long unit = switch (t.charAt(t.length() - 1)) {
                case 's' -> 1_000L;
                case 'm' -> 60_000L;
                case 'h' -> 3_600_000L;
                default -> throw new IllegalArgumentException();
            };
            double amount = Double.parseDouble(t.substring(0, t.length() - 1));
            return Duration.ofMillis(Math.round(amount * unit));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 500ms, 90s, 20m, 2h)");
        }
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "m"
                : d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }
}
