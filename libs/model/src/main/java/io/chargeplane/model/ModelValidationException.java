package io.chargeplane.model;

/**
 * The one exception every invalid canonical value raises, whether it is built in code or read from the wire.
 *
 * <p>Adapters turn it into a protocol error and services into a problem+json response, so its message must
 * name the offending field precisely ({@code data.connector: must be >= 1}); {@link #field()} and
 * {@link #reason()} give the two parts separately for error catalogues.
 */
public final class ModelValidationException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    /**
     * @param field dotted path of the offending field relative to where the value was built; empty when the
     *              value itself is invalid (a single-value type such as {@code ConnectorId})
     * @param reason what is wrong, phrased to follow "field: "
     */
    public ModelValidationException(String field, String reason) {
        this(field, reason, null);
    }

    public ModelValidationException(String field, String reason, Throwable cause) {
        super(render(field, reason), cause);
        this.field = field == null ? "" : field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The same problem seen from an enclosing value: {@code connector} inside {@code data} becomes {@code data.connector}. */
    public ModelValidationException under(String parent) {
        if (parent == null || parent.isEmpty()) {
            return this;
        }
        String path = field.isEmpty() ? parent : field.startsWith("[") ? parent + field : parent + "." + field;
        return new ModelValidationException(path, reason, getCause());
    }

    private static String render(String field, String reason) {
        return field == null || field.isEmpty() ? reason : field + ": " + reason;
    }
}
