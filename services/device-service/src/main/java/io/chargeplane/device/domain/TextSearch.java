package io.chargeplane.device.domain;

import java.util.Locale;

/**
 * Turns a user's search text into a case-insensitive "contains" pattern for SQL {@code LIKE ... ESCAPE '!'}.
 * The user's own {@code %}, {@code _} and {@code !} are matched literally, never as wildcards.
 */
public final class TextSearch {

    public static final char ESCAPE = '!';
    public static final int MAX_LENGTH = 100;

    private TextSearch() {
    }

    /** {@code null} for no search; else the lower-case pattern. */
    public static String containsPattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw InvalidRequestException.of("q", "must be at most " + MAX_LENGTH + " characters");
        }
        StringBuilder pattern = new StringBuilder(trimmed.length() + 4).append('%');
        for (char c : trimmed.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
