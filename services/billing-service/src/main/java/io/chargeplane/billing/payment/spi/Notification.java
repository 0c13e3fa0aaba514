package io.chargeplane.billing.payment.spi;

import io.chargeplane.model.unit.Money;

import java.util.Objects;
import java.util.UUID;

/**
 * A verified callback from a channel: the final outcome of one payment.
 *
 * @param notificationId the channel's id of this notification (repeats carry the same id)
 * @param paymentId      the service's payment id (the merchant reference)
 * @param amount         what the channel collected
 */
public record Notification(String notificationId, UUID paymentId, String channelReference, PaymentOutcome outcome,
                           Money amount, String failureReason) {

    public Notification {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == PaymentOutcome.PENDING) {
            throw new IllegalArgumentException("outcome: a notification reports a final outcome");
        }
    }
}
