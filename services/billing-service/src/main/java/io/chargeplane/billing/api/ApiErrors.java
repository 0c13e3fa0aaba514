package io.chargeplane.billing.api;

import io.chargeplane.billing.domain.ledger.InsufficientFundsException;
import io.chargeplane.billing.domain.rating.RatingInputException;
import io.chargeplane.billing.domain.tariff.TariffValidationException;
import io.chargeplane.billing.payment.spi.InvalidNotificationException;
import io.chargeplane.billing.payment.spi.UnknownPaymentException;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemDetail;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.error.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Ledger, tariff, rating and channel failures as problems. A tariff or rating input that cannot be used is a 400
 * {@code validation_failed} naming the JSON path of the field ({@code versions[0].slotMaps.WORKDAY[17]}). Insufficient funds is a 422 {@code insufficient_funds} problem whose
 * field error names {@code amount}.
 */
public class ApiErrors {

    static Throwable toProblem(Throwable failure) {
        if (failure instanceof TariffValidationException e) {
            return ProblemException.invalidField(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        if (failure instanceof RatingInputException e) {
            return ProblemException.invalidField(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        if (failure instanceof InsufficientFundsException e) {
            return new ProblemException(ErrorCode.INSUFFICIENT_FUNDS, e.getMessage(),
                    List.of(new ProblemDetail.FieldError("amount", InsufficientFundsException.CODE)), e);
        }
        if (failure instanceof ModelValidationException e) {
            return ProblemException.invalidField(e.field(), e.reason());
        }
        if (failure instanceof InvalidNotificationException e) {
            return new ProblemException(ErrorCode.FORBIDDEN, "notification refused: " + e.getMessage());
        }
        if (failure instanceof UnknownPaymentException e) {
            return ProblemException.notFound(e.getMessage());
        }
        if (failure instanceof IllegalArgumentException e && e.getMessage() != null && e.getMessage().contains(": ")) {
            // domain argument checks say "<field>: <reason>"
            String[] parts = e.getMessage().split(": ", 2);
            return ProblemException.invalidField(parts[0], parts[1]);
        }
        return failure;
    }

    @ServerExceptionMapper
    public Response invalidTariff(TariffValidationException e, UriInfo uri) {
        return ProblemResponses.of(((ProblemException) toProblem(e)).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidRatingInput(RatingInputException e, UriInfo uri) {
        return ProblemResponses.of(((ProblemException) toProblem(e)).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response insufficientFunds(InsufficientFundsException e, UriInfo uri) {
        return ProblemResponses.of(((ProblemException) toProblem(e)).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidNotification(InvalidNotificationException e, UriInfo uri) {
        return ProblemResponses.of(((ProblemException) toProblem(e)).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unknownPayment(UnknownPaymentException e, UriInfo uri) {
        return ProblemResponses.of(((ProblemException) toProblem(e)).toProblem(uri.getPath()));
    }
}
