package io.chargeplane.billing.payment.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.billing.payment.spi.ChannelPayment;
import io.chargeplane.billing.payment.spi.ChannelStatus;
import io.chargeplane.billing.payment.spi.InvalidNotificationException;
import io.chargeplane.billing.payment.spi.Notification;
import io.chargeplane.billing.payment.spi.PaymentChannel;
import io.chargeplane.billing.payment.spi.PaymentOutcome;
import io.chargeplane.billing.payment.spi.PaymentRequest;
import io.chargeplane.billing.payment.spi.RefundRequest;
import io.chargeplane.billing.payment.spi.RefundResult;
import io.chargeplane.billing.payment.spi.UnknownPaymentException;
import io.chargeplane.model.unit.Money;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A payment channel that behaves like a real one without moving money, so top-ups can be exercised end to end.
 * Payments complete {@code notify-delay} after creation and are announced by an HMAC-signed POST to the
 * service's callback, retried with backoff until it answers 2xx. The amount in minor units picks the outcome:
 * <ul>
 *   <li>ending in {@code 13}: declined ({@code FAILED}, reason {@code card_declined});</li>
 *   <li>ending in {@code 99}: never completes and never notifies (a payer who walks away: a timeout);</li>
 *   <li>ending in {@code 77}: succeeds and the notification is delivered three times;</li>
 *   <li>anything else: succeeds.</li>
 * </ul>
 * A refund whose amount ends in {@code 13}, or that exceeds what is left to refund, fails.
 *
 * <p>Its own books (what a real provider keeps on its side) are in memory: a restart forgets open sandbox
 * payments, and with several service instances a query must reach the instance that created the payment.
 */
public class SandboxChannel implements PaymentChannel {

    public static final String NAME = "sandbox";

    private static final Logger LOG = Logger.getLogger(SandboxChannel.class);

    private final SandboxSettings settings;
    private final SandboxSignature signature;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<UUID, SandboxPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, RefundResult> refunds = new ConcurrentHashMap<>();

    private record SandboxPayment(UUID paymentId, String reference, Money amount, Instant completesAt,
                                  PaymentOutcome finalOutcome, long[] refunded) {

        PaymentOutcome outcomeAt(Instant now) {
            return finalOutcome == PaymentOutcome.PENDING || now.isBefore(completesAt) ? PaymentOutcome.PENDING : finalOutcome;
        }
    }

    public SandboxChannel(SandboxSettings settings, HttpClient http, ScheduledExecutorService timer, Clock clock) {
        this.settings = settings;
        this.signature = new SandboxSignature(settings.secret());
        this.http = http;
        this.timer = timer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<ChannelPayment> create(PaymentRequest request) {
        return Uni.createFrom().item(() -> {
            SandboxPayment payment = payments.computeIfAbsent(request.paymentId(), id -> open(request));
            if (!payment.amount().equals(request.amount())) {
                throw new IllegalArgumentException("amount: payment " + id(request) + " was created with another amount");
            }
            return new ChannelPayment(payment.reference(), Map.of(
                    "checkoutUrl", "https://sandbox.invalid/checkout/" + payment.reference(),
                    "completesAt", payment.completesAt().toString(),
                    "behaviour", behaviour(request.amount().minorUnits())));
        });
    }

    @Override
    public Uni<ChannelStatus> query(UUID paymentId) {
        return Uni.createFrom().item(() -> {
            SandboxPayment payment = payments.get(paymentId);
            if (payment == null) {
                throw new UnknownPaymentException("sandbox has no payment " + paymentId);
            }
            PaymentOutcome outcome = payment.outcomeAt(clock.instant());
            return new ChannelStatus(payment.reference(), outcome,
                    outcome == PaymentOutcome.SUCCEEDED ? payment.amount() : null,
                    outcome == PaymentOutcome.FAILED ? "card_declined" : null);
        });
    }

    @Override
    public Uni<RefundResult> refund(RefundRequest request) {
        return Uni.createFrom().item(() -> refunds.computeIfAbsent(request.refundReference(), ref -> {
            SandboxPayment payment = payments.get(request.paymentId());
            if (payment == null || payment.outcomeAt(clock.instant()) != PaymentOutcome.SUCCEEDED) {
                throw new UnknownPaymentException("sandbox has no succeeded payment " + request.paymentId());
            }
            long amount = request.amount().minorUnits();
            if (amount <= 0 || amount % 100 == 13) {
                return new RefundResult(ref, PaymentOutcome.FAILED, "refund_declined");
            }
            synchronized (payment.refunded()) {
                if (payment.refunded()[0] + amount > payment.amount().minorUnits()) {
                    return new RefundResult(ref, PaymentOutcome.FAILED, "exceeds_refundable_amount");
                }
                payment.refunded()[0] += amount;
            }
            return new RefundResult(ref, PaymentOutcome.SUCCEEDED, null);
        }));
    }

    @Override
    public Notification verifyNotification(Map<String, String> headers, byte[] body) {
        signature.verify(headers.get(SandboxSignature.HEADER), body, clock.instant(), settings.signatureMaxAge());
        try {
            JsonNode node = json.readTree(body);
            PaymentOutcome outcome = PaymentOutcome.valueOf(node.path("outcome").asText());
            return new Notification(node.path("id").asText(), UUID.fromString(node.path("merchantReference").asText()),
                    node.path("paymentId").asText(), outcome,
                    Money.ofMinor(node.path("amount").asLong(), node.path("currency").asText()),
                    node.hasNonNull("failureReason") ? node.get("failureReason").asText() : null);
        } catch (java.io.IOException | RuntimeException e) {
            throw new InvalidNotificationException("the notification body cannot be read", e);
        }
    }

    /** The bytes and signature header the sandbox sends for a payment's outcome; the contract test reuses them. */
    public record SignedNotification(byte[] body, String signatureHeader) {
    }

    SignedNotification notificationFor(SandboxPayment payment, String notificationId) {
        ObjectNode node = json.createObjectNode()
                .put("id", notificationId)
                .put("paymentId", payment.reference())
                .put("merchantReference", payment.paymentId().toString())
                .put("outcome", payment.finalOutcome().name())
                .put("amount", payment.amount().minorUnits())
                .put("currency", payment.amount().currency().getCurrencyCode());
        if (payment.finalOutcome() == PaymentOutcome.FAILED) {
            node.put("failureReason", "card_declined");
        }
        try {
            byte[] body = json.writeValueAsBytes(node);
            return new SignedNotification(body, signature.sign(clock.instant(), body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification cannot be written", e);
        }
    }

    private SandboxPayment open(PaymentRequest request) {
        long minor = request.amount().minorUnits();
        PaymentOutcome outcome = switch ((int) (minor % 100)) {
            case 13 -> PaymentOutcome.FAILED;
            case 99 -> PaymentOutcome.PENDING;
            default -> PaymentOutcome.SUCCEEDED;
        };
        SandboxPayment payment = new SandboxPayment(request.paymentId(),
                "sbx_" + UUID.randomUUID().toString().replace("-", ""), request.amount(),
                clock.instant().plus(settings.notifyDelay()), outcome, new long[1]);
        if (outcome != PaymentOutcome.PENDING) {
            String notificationId = "evt_" + UUID.randomUUID();
            int copies = minor % 100 == 77 ? 3 : 1;
            for (int i = 0; i < copies; i++) {
                schedule(payment, notificationId, 1, settings.notifyDelay());
            }
        }
        return payment;
    }

    private void schedule(SandboxPayment payment, String notificationId, int attempt, Duration delay) {
        timer.schedule(() -> deliver(payment, notificationId, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void deliver(SandboxPayment payment, String notificationId, int attempt) {
        URI target;
        SignedNotification signed;
        try {
            target = settings.callbackUrl().get();
            signed = notificationFor(payment, notificationId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "sandbox notification %s cannot be prepared", notificationId);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SandboxSignature.HEADER, signed.signatureHeader())
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            boolean delivered = failure == null && response.statusCode() / 100 == 2;
            if (delivered) {
                return;
            }
            String why = failure != null ? failure.toString() : "status " + response.statusCode();
            if (attempt >= settings.maxAttempts()) {
                LOG.warnf("sandbox notification %s for payment %s not delivered after %d attempts (%s)",
                        notificationId, payment.paymentId(), attempt, why);
                return;
            }
            LOG.debugf("sandbox notification %s attempt %d failed (%s), retrying", notificationId, attempt, why);
            schedule(payment, notificationId, attempt + 1, settings.notifyDelay().multipliedBy(1L << Math.min(attempt, 6)));
        });
    }

    private static String behaviour(long minor) {
        return switch ((int) (minor % 100)) {
            case 13 -> "declines";
            case 99 -> "never-completes";
            case 77 -> "notifies-three-times";
            default -> "succeeds";
        };
    }

    private static String id(PaymentRequest request) {
        return request.paymentId().toString();
    }
}
