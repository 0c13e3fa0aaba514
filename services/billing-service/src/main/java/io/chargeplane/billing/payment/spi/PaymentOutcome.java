package io.chargeplane.billing.payment.spi;

/** Where a payment stands at the channel. */
public enum PaymentOutcome {
    /** Not paid yet (or the channel does not know yet). */
    PENDING,
    /** Paid: the money is with the channel. */
    SUCCEEDED,
    /** Declined, cancelled or expired; no money moved. */
    FAILED
}
