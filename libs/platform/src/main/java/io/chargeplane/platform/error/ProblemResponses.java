package io.chargeplane.platform.error;

import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for a problem; the one place that sets the problem media type. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(ErrorCode code, String detail, String instance) {
        return of(ProblemDetail.of(code, detail, instance, null));
    }
}
