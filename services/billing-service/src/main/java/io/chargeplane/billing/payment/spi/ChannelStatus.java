package io.chargeplane.billing.payment.spi;

import io.chargeplane.model.unit.Money;

/** The channel's answer to a query. {@code amount} is what the channel collected (null while pending). */
public record ChannelStatus(String channelReference, PaymentOutcome outcome, Money amount, String failureReason) {
}
