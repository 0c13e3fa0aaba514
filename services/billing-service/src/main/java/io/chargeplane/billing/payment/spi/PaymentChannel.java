package io.chargeplane.billing.payment.spi;

import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.UUID;

/**
 * A way for drivers to pay money in (a top-up) and for the platform to pay it back (a refund): a sandbox, later
 * WeChat Pay and Alipay. Each implementation is a CDI bean with a unique {@link #name()} and passes the shared
 * contract test ({@code PaymentChannelContract}).
 *
 * <p>The rules every channel follows:
 * <ul>
 *   <li>Payments complete asynchronously. {@link #create} only starts one; the outcome arrives as a signed
 *       notification at {@code POST /api/v1/payments/callbacks/{name}}, or is learnt by {@link #query}.</li>
 *   <li>The service's payment id is the channel's merchant reference; notifications and queries name it.</li>
 *   <li>{@link #verifyNotification} checks the signature before it parses anything; a notification that does not
 *       verify is refused with {@link InvalidNotificationException} and never credits a wallet.</li>
 *   <li>Channels may send one notification more than once; the service is idempotent on the payment id.</li>
 * </ul>
 */
public interface PaymentChannel {

    /** The channel's name in URLs, configuration and the {@code channel} field of a top-up, e.g. {@code sandbox}. */
    String name();

    /** Starts a payment; the answer carries what the payer's app needs (a checkout URL, a QR code, …). */
    Uni<ChannelPayment> create(PaymentRequest request);

    /** The channel's current view of a payment, for payments whose notification is late or lost. */
    Uni<ChannelStatus> query(UUID paymentId);

    /** Pays (part of) a completed payment back to the payer. Refunds are idempotent on the refund reference. */
    Uni<RefundResult> refund(RefundRequest request);

    /**
     * Verifies a callback as received (headers with lower-case names, the raw body) and reads it.
     *
     * @throws InvalidNotificationException when the signature is missing, wrong or stale, or the body is unreadable
     */
    Notification verifyNotification(Map<String, String> headers, byte[] body);
}
