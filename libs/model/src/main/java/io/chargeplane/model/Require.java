package io.chargeplane.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation helpers shared by the compact constructors of the model, so that every record words its
 * complaints the same way. Public only because Java has no module-private visibility without a module
 * descriptor; not meant for use outside the model.
 */
public final class Require {

    private static final Pattern TOPIC_SAFE = Pattern.compile("[A-Za-z0-9._:-]+");

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new ModelValidationException(field, "is required");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw new ModelValidationException(field, "must not be blank");
        }
        return maxLength(value, field, maxLength);
    }

    /** Like {@link #text} but for optional fields: null passes, blank does not. */
    public static String optionalText(String value, String field, int maxLength) {
        return value == null ? null : text(value, field, maxLength);
    }

    public static String maxLength(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new ModelValidationException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /**
     * A value usable as exactly one MQTT topic level and inside a CloudEvents source path: no wildcards,
     * no separators, no spaces.
     */
    public static String topicLevel(String value, String field, int maxLength) {
        text(value, field, maxLength);
        if (!TOPIC_SAFE.matcher(value).matches()) {
            throw new ModelValidationException(field,
                    "may contain only letters, digits, '-', '_', '.' and ':' (was '" + value + "')");
        }
        return value;
    }

    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw new ModelValidationException(field, "must be >= " + min);
        }
        return value;
    }

    public static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new ModelValidationException(field, "must be >= " + min);
        }
        return value;
    }

    public static Integer between(Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            throw new ModelValidationException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** An immutable copy with no null elements; null becomes the empty list. */
    public static <T> List<T> listOf(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ModelValidationException(field + "[" + i + "]", "is required");
            }
        }
        return List.copyOf(values);
    }

    public static void that(boolean condition, String field, String reason) {
        if (!condition) {
            throw new ModelValidationException(field, reason);
        }
    }
}
