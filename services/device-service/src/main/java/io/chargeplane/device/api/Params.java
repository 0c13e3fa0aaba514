package io.chargeplane.device.api;

import io.chargeplane.device.domain.InvalidRequestException;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.platform.error.ProblemException;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads query and path parameters with problems that name the parameter, not a bare 400 or 404. */
final class Params {

    private Params() {
    }

    static UUID uuid(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(name, "must be a UUID");
        }
    }

    /** A path id that is no UUID names nothing that could exist. */
    static UUID pathId(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what + " " + raw);
        }
    }

    static <E extends Enum<E>> E enumValue(String raw, Class<E> type, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static Protocol protocol(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Protocol.fromWireName(raw.strip());
        } catch (ModelValidationException e) {
            throw InvalidRequestException.of("protocol", e.reason());
        }
    }

    static Integer integer(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(name, "must be a whole number");
        }
    }

    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
