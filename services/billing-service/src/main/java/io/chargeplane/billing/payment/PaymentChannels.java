package io.chargeplane.billing.payment;

import io.chargeplane.billing.payment.spi.PaymentChannel;
import io.chargeplane.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link PaymentChannel} bean, by name. */
@ApplicationScoped
public class PaymentChannels {

    private final Map<String, PaymentChannel> byName;

    public PaymentChannels(Instance<PaymentChannel> channels) {
        this.byName = channels.stream().collect(Collectors.toMap(PaymentChannel::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two payment channels are named " + a.name());
                }, TreeMap::new));
    }

    /** The named channel; an unknown name is a validation problem naming {@code field}. */
    public PaymentChannel require(String name, String field) {
        PaymentChannel channel = name == null ? null : byName.get(name);
        if (channel == null) {
            throw ProblemException.invalidField(field, "unknown payment channel; available: " + byName.keySet());
        }
        return channel;
    }
}
