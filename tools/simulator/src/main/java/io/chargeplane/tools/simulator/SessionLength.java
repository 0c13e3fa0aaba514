package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How long a driver leaves the car plugged in: {@code fixed:30m}, {@code uniform:10m-40m} or {@code exp:30m}
 * (exponential with that mean, at least a tenth of it so no session is over before its first meter value).
 */
public sealed interface SessionLength {

    Duration sample(RandomGenerator random);

    record Fixed(Duration length) implements SessionLength {
        @Override
        public Duration sample(RandomGenerator random) {
            return length;
        }
    }

    record Uniform(Duration min, Duration max) implements SessionLength {
        public Uniform {
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("session length: max " + max + " is below min " + min);
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            long span = max.toMillis() - min.toMillis();
            return min.plusMillis(span == 0 ? 0 : random.nextLong(span + 1));
        }
    }

    record Exponential(Duration mean) implements SessionLength {
        @Override
        public Duration sample(RandomGenerator random) {
            long millis = Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis());
            return Duration.ofMillis(Math.max(millis, mean.toMillis() / 10));
        }
    }

    static SessionLength parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String kind = colon < 0 ? "fixed" : t.substring(0, colon);
        String args = colon < 0 ? t : t.substring(colon + 1);
        return switch (kind) {
            case "fixed" -> new Fixed(Durations.parse(args));
            case "exp", "exponential" -> new Exponential(Durations.parse(args));
            case "uniform" -> {
                int dash = args.indexOf('-');
                if (dash < 0) {
                    throw new IllegalArgumentException("uniform session length needs min-max, e.g. uniform:10m-40m");
                }
                yield new Uniform(Durations.parse(args.substring(0, dash)), Durations.parse(args.substring(dash + 1)));
            }
            default -> throw new IllegalArgumentException("unknown session length '" + text
                    + "' (fixed:30m, uniform:10m-40m, exp:30m)");
        };
    }
}
