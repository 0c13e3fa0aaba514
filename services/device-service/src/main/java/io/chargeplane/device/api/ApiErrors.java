package io.chargeplane.device.api;

import io.chargeplane.device.domain.InvalidRequestException;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemDetail;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.error.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Registry rule violations as {@code validation_failed} problems that name every offending field. */
public class ApiErrors {

    /** Problems pass through; rule violations become validation problems; anything else stays as it is. */
    static Throwable toProblem(Throwable failure) {
        if (failure instanceof InvalidRequestException invalid) {
            return validation(invalid);
        }
        if (failure instanceof ModelValidationException model) {
            return ProblemException.invalidField(model.field(), model.reason());
        }
        return failure;
    }

    static ProblemException validation(InvalidRequestException e) {
        return new ProblemException(ErrorCode.VALIDATION_FAILED, e.getMessage(),
                e.violations().stream().map(v -> new ProblemDetail.FieldError(v.field(), v.message())).toList(), e);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return ProblemResponses.of(validation(e).toProblem(uri.getPath()));
    }
}
