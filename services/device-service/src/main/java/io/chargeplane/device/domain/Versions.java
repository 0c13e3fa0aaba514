package io.chargeplane.device.domain;

import java.util.OptionalLong;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag ({@code "3"}), and a change carrying
 * {@code If-Match} applies only while the stored version still matches.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header demands; empty when the header is absent or {@code *}.
     *
     * @throws InvalidRequestException naming {@code If-Match} when it is not one of our ETags
     */
    public static OptionalLong expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return OptionalLong.of(version);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.of(IF_MATCH, "must be the ETag of the resource, e.g. \"3\"");
    }

    /** Whether a stored {@code actual} version satisfies the {@code expected} one. */
    public static boolean satisfies(OptionalLong expected, long actual) {
        return expected.isEmpty() || expected.getAsLong() == actual;
    }
}
