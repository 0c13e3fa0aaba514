package io.chargeplane.billing.payment.spi;

/** The channel's answer to a refund: {@code SUCCEEDED} or {@code FAILED} with a reason. */
public record RefundResult(String refundReference, PaymentOutcome outcome, String failureReason) {
}
