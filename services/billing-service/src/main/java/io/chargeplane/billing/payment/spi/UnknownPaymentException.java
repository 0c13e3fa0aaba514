package io.chargeplane.billing.payment.spi;

/** The channel has no payment (or refundable payment) under the given reference. */
public class UnknownPaymentException extends RuntimeException {

    public UnknownPaymentException(String message) {
        super(message);
    }
}
