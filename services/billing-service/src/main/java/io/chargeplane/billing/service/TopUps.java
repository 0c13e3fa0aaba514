package io.chargeplane.billing.service;

import io.chargeplane.billing.payment.PaymentChannels;
import io.chargeplane.billing.payment.spi.Notification;
import io.chargeplane.billing.payment.spi.PaymentChannel;
import io.chargeplane.billing.payment.spi.PaymentOutcome;
import io.chargeplane.billing.payment.spi.PaymentRequest;
import io.chargeplane.billing.payment.spi.UnknownPaymentException;
import io.chargeplane.billing.persistence.PaymentStore;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;

/**
 * Top-ups through payment channels: start a payment, and credit the wallet only on a verified notification or a
 * query in which the channel confirms success.
 */
@ApplicationScoped
public class TopUps {

    private static final Logger LOG = Logger.getLogger(TopUps.class);
    private static final Duration CHANNEL_TIMEOUT = Duration.ofSeconds(15);

    private final PaymentChannels channels;
    private final PaymentStore payments;
    private final MeterRegistry metrics;

    public TopUps(PaymentChannels channels, PaymentStore payments, MeterRegistry metrics) {
        this.channels = channels;
        this.payments = payments;
        this.metrics = metrics;
    }

    public Uni<PaymentStore.Payment> start(TenantId tenant, String owner, String channelName, Money amount) {
        PaymentChannel channel = channels.require(channelName, "channel");
        return payments.create(tenant, owner, channel.name(), amount)
                .flatMap(payment -> channel.create(new PaymentRequest(payment.id(), amount, "Wallet top-up"))
                        .ifNoItem().after(CHANNEL_TIMEOUT).fail()
                        .flatMap(created -> payments.started(payment.id(), created.channelReference(), created.channelData()))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf(failure, "payment %s could not be started on %s", payment.id(), channel.name());
                            return payments.settle(payment.id(), PaymentOutcome.FAILED, null, "channel_unavailable", "system")
                                    .replaceWith(Uni.createFrom().failure(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                                            "the payment channel " + channel.name() + " did not accept the payment")));
                        }));
    }

    /** Asks the channel about a pending payment and settles it when the channel knows the outcome. */
    public Uni<PaymentStore.Payment> refresh(PaymentStore.Payment payment) {
        if (payment.state() != PaymentOutcome.PENDING) {
            return Uni.createFrom().item(payment);
        }
        PaymentChannel channel = channels.require(payment.channel(), "channel");
        return channel.query(payment.id())
                .ifNoItem().after(CHANNEL_TIMEOUT).fail()
                .flatMap(status -> status.outcome() == PaymentOutcome.PENDING ? Uni.createFrom().item(payment)
                        : payments.settle(payment.id(), status.outcome(), status.amount(), status.failureReason(),
                        "query:" + channel.name()))
                .onFailure(UnknownPaymentException.class).recoverWithItem(payment)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf(failure, "query of payment %s failed; it stays pending", payment.id());
                    return payment;
                });
    }

    /** Verifies and applies a callback; a repeat of a notification changes nothing. */
    public Uni<PaymentStore.Payment> notified(String channelName, Map<String, String> headers, byte[] body) {
        PaymentChannel channel;
        try {
            channel = channels.require(channelName, "channel");
        } catch (ProblemException e) {
            return Uni.createFrom().failure(ProblemException.notFound("payment channel " + channelName));
        }
        Notification notification;
        try {
            notification = channel.verifyNotification(headers, body);
        } catch (RuntimeException e) {
            metrics.counter("chargeplane.billing.callbacks", "channel", channel.name(), "outcome", "refused").increment();
            LOG.warnf("refused a %s callback: %s", channel.name(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        metrics.counter("chargeplane.billing.callbacks", "channel", channel.name(), "outcome", "verified").increment();
        return payments.settle(notification.paymentId(), notification.outcome(), notification.amount(),
                notification.failureReason(), "callback:" + channel.name() + ":" + notification.notificationId());
    }
}
