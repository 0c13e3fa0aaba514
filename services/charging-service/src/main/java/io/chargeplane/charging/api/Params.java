package io.chargeplane.charging.api;

import io.chargeplane.platform.error.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameter parsing with problems that name the parameter. */
final class Params {

    private Params() {
    }

    static int intParam(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
        }
    }

    static <E extends Enum<E>> E enumParam(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "is not a known value");
        }
    }
}
