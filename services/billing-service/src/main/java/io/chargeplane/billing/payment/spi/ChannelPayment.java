package io.chargeplane.billing.payment.spi;

import java.util.Map;

/**
 * A payment the channel accepted.
 *
 * @param channelReference the channel's own id of the payment
 * @param channelData      what the payer's app needs to pay, passed through to the client unchanged
 */
public record ChannelPayment(String channelReference, Map<String, String> channelData) {

    public ChannelPayment {
        channelData = Map.copyOf(channelData);
    }
}
