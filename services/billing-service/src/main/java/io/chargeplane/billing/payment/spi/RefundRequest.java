package io.chargeplane.billing.payment.spi;

import io.chargeplane.model.unit.Money;

import java.util.Objects;
import java.util.UUID;

/** Pays {@code amount} of a succeeded payment back; {@code refundReference} makes repeats harmless. */
public record RefundRequest(UUID paymentId, String refundReference, Money amount) {

    public RefundRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(refundReference, "refundReference");
        Objects.requireNonNull(amount, "amount");
    }
}
