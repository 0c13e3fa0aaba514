package io.chargeplane.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.chargeplane.model.ModelValidationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem document. Nothing else may
 * write an error body: that is how the catalogue stays the single source of error codes and how a
 * stack trace never reaches a client.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response modelValidation(ModelValidationException e, UriInfo uri) {
        return ProblemResponses.of(validationProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        ModelValidationException modelError = causeOfType(e, ModelValidationException.class);
        if (modelError != null) {
            String inner = modelError.field();
            String full = field.isEmpty() ? inner : inner == null || inner.isEmpty() ? field : field + "." + inner;
            return ProblemResponses.of(fieldProblem(full, modelError.reason(), path(uri)));
        }
        if (!field.isEmpty()) {
            return ProblemResponses.of(fieldProblem(field, "has the wrong type or format", path(uri)));
        }
        return ProblemResponses.of(ErrorCode.MALFORMED_REQUEST, "the request body is not valid JSON", path(uri));
    }

    /**
     * A value of the wrong type or an unknown enum constant. Declared on its own because the JSON extension
     * ships a mapper for exactly this type, which would otherwise answer with its own non-problem body.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return ProblemResponses.of(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", path(uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return ProblemResponses.of(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ErrorCode.FORBIDDEN, "the caller's roles do not allow this", path(uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON body reader reports unreadable bodies as a bare 400 wrapping the parser's exception.
        JsonProcessingException unreadable = causeOfType(e, JsonProcessingException.class);
        if (unreadable != null) {
            return unreadableBody(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return Response.fromResponse(ProblemResponses.of(code, code.title(), path(uri))).status(status).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, incident %s", incident);
        return ProblemResponses.of(ErrorCode.INTERNAL_ERROR,
                "the error was logged as incident " + incident, path(uri));
    }

    static ProblemDetail validationProblem(ModelValidationException e, String instance) {
        return fieldProblem(e.field(), e.reason(), instance);
    }

    private static ProblemDetail fieldProblem(String field, String reason, String instance) {
        return ProblemDetail.of(ErrorCode.VALIDATION_FAILED, field + ": " + reason, instance,
                List.of(new ProblemDetail.FieldError(field, reason)));
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
