package io.chargeplane.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document as Chargeplane writes it: the standard members plus the stable
 * {@code code} from {@link ErrorCode} and, for validation failures, the offending fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors) {

    /** The media type every error response carries. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetail {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ProblemDetail of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return new ProblemDetail(code.type(), code.title(), code.httpStatus(), detail, instance, code.code(), errors);
    }

    /** One field that failed validation; {@code field} is a dotted path such as {@code address.city}. */
    public record FieldError(String field, String message) {
    }
}
