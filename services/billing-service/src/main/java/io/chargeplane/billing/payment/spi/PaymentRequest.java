package io.chargeplane.billing.payment.spi;

import io.chargeplane.model.unit.Money;

import java.util.Objects;
import java.util.UUID;

/**
 * A payment the service wants collected.
 *
 * @param paymentId   the service's id, which the channel keeps as its merchant reference
 * @param amount      what to collect, positive
 * @param description shown to the payer
 */
public record PaymentRequest(UUID paymentId, Money amount, String description) {

    public PaymentRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("amount: must be positive");
        }
    }
}
