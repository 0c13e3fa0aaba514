package io.chargeplane.billing.payment.spi;

import io.chargeplane.model.unit.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link PaymentChannel} must do, whatever provider is behind it. A channel's test extends this class,
 * gives the channel and a way to receive its callbacks as they arrive over HTTP, and names amounts that the
 * channel (or its test environment) completes and declines.
 */
public abstract class PaymentChannelContract {

    /** A callback as the service's endpoint would receive it. */
    public record Received(Map<String, String> headers, byte[] body) {
    }

    protected abstract PaymentChannel channel();

    /** The next callback about {@code paymentId}, waiting up to {@code timeout}. */
    protected abstract Received awaitCallback(UUID paymentId, Duration timeout) throws InterruptedException;

    /** An amount the channel will report as paid. */
    protected abstract Money succeedingAmount();

    /** An amount the channel will report as declined. */
    protected abstract Money decliningAmount();

    protected Duration completionTimeout() {
        return Duration.ofSeconds(10);
    }

    private PaymentRequest request(Money amount) {
        return new PaymentRequest(UUID.randomUUID(), amount, "top-up");
    }

    @Test
    void createReturnsTheChannelsReferenceAndDataForThePayer() {
        ChannelPayment payment = channel().create(request(succeedingAmount())).await().atMost(completionTimeout());
        assertFalse(payment.channelReference().isBlank());
        assertFalse(payment.channelData().isEmpty());
    }

    @Test
    void creatingTheSamePaymentAgainReturnsTheSameChannelPayment() {
        PaymentRequest request = request(succeedingAmount());
        ChannelPayment first = channel().create(request).await().atMost(completionTimeout());
        ChannelPayment again = channel().create(request).await().atMost(completionTimeout());
        assertEquals(first.channelReference(), again.channelReference());
    }

    @Test
    void paidPaymentIsAnnouncedByAVerifiableNotificationAndConfirmedByQuery() throws InterruptedException {
        PaymentRequest request = request(succeedingAmount());
        ChannelPayment created = channel().create(request).await().atMost(completionTimeout());
        Received callback = awaitCallback(request.paymentId(), completionTimeout());
        assertNotNull(callback, "a notification arrives");

        Notification notification = channel().verifyNotification(callback.headers(), callback.body());
        assertEquals(request.paymentId(), notification.paymentId());
        assertEquals(created.channelReference(), notification.channelReference());
        assertEquals(PaymentOutcome.SUCCEEDED, notification.outcome());
        assertEquals(request.amount(), notification.amount());

        ChannelStatus status = channel().query(request.paymentId()).await().atMost(completionTimeout());
        assertEquals(PaymentOutcome.SUCCEEDED, status.outcome());
        assertEquals(request.amount(), status.amount());
    }

    @Test
    void declinedPaymentIsAnnouncedAsFailed() throws InterruptedException {
        PaymentRequest request = request(decliningAmount());
        channel().create(request).await().atMost(completionTimeout());
        Received callback = awaitCallback(request.paymentId(), completionTimeout());
        Notification notification = channel().verifyNotification(callback.headers(), callback.body());
        assertEquals(PaymentOutcome.FAILED, notification.outcome());
        assertEquals(PaymentOutcome.FAILED, channel().query(request.paymentId()).await().atMost(completionTimeout()).outcome());
    }

    @Test
    void notificationWithAChangedBodyOrSignatureOrNoSignatureIsRefused() throws InterruptedException {
        PaymentRequest request = request(succeedingAmount());
        channel().create(request).await().atMost(completionTimeout());
        Received genuine = awaitCallback(request.paymentId(), completionTimeout());

        byte[] changed = new String(genuine.body(), StandardCharsets.UTF_8)
                .replace(Long.toString(request.amount().minorUnits()), Long.toString(request.amount().minorUnits() * 100))
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(java.util.Arrays.equals(genuine.body(), changed), "the forged body differs");
        assertThrows(InvalidNotificationException.class, () -> channel().verifyNotification(genuine.headers(), changed));

        Map<String, String> forgedHeaders = new HashMap<>();
        genuine.headers().forEach((k, v) -> forgedHeaders.put(k, flipLastHexDigit(v)));
        assertThrows(InvalidNotificationException.class, () -> channel().verifyNotification(forgedHeaders, genuine.body()));
        assertThrows(InvalidNotificationException.class, () -> channel().verifyNotification(Map.of(), genuine.body()));

        assertArrayEquals(genuine.body(), genuine.body());
        assertEquals(request.paymentId(), channel().verifyNotification(genuine.headers(), genuine.body()).paymentId());
    }

    @Test
    void queryOfAPaymentTheChannelNeverSawFails() {
        assertThrows(UnknownPaymentException.class,
                () -> channel().query(UUID.randomUUID()).await().atMost(completionTimeout()));
    }

    @Test
    void refundIsIdempotentOnItsReferenceAndNeverExceedsThePayment() throws InterruptedException {
        PaymentRequest request = request(succeedingAmount());
        channel().create(request).await().atMost(completionTimeout());
        awaitCallback(request.paymentId(), completionTimeout());
        Money half = Money.ofMinor(request.amount().minorUnits() / 2, request.amount().currency());

        RefundResult first = channel().refund(new RefundRequest(request.paymentId(), "r1", half)).await().atMost(completionTimeout());
        RefundResult repeat = channel().refund(new RefundRequest(request.paymentId(), "r1", half)).await().atMost(completionTimeout());
        assertEquals(PaymentOutcome.SUCCEEDED, first.outcome());
        assertEquals(first, repeat);

        RefundResult tooMuch = channel().refund(new RefundRequest(request.paymentId(), "r2", request.amount()))
                .await().atMost(completionTimeout());
        assertEquals(PaymentOutcome.FAILED, tooMuch.outcome());
    }

    /** Changes the signature value only, so the header stays well-formed. */
    private static String flipLastHexDigit(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
    }
}
