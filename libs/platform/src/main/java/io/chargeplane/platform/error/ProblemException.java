package io.chargeplane.platform.error;

import java.util.List;

/**
 * Thrown anywhere in a service to end a request with a problem document. It carries a catalogue entry,
 * so the HTTP status, the type URI and the protocol-level mappings all follow from one place.
 */
public class ProblemException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient List<ProblemDetail.FieldError> fieldErrors;

    public ProblemException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of(), null);
    }

    public ProblemException(ErrorCode errorCode, String detail, List<ProblemDetail.FieldError> fieldErrors, Throwable cause) {
        super(detail, cause);
        this.errorCode = errorCode;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ErrorCode.NOT_FOUND, what + " does not exist");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new ProblemDetail.FieldError(field, message)), null);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<ProblemDetail.FieldError> fieldErrors() {
        return fieldErrors;
    }

    public ProblemDetail toProblem(String instance) {
        return ProblemDetail.of(errorCode, getMessage(), instance, fieldErrors);
    }
}
