package io.chargeplane.billing.payment.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.chargeplane.billing.payment.spi.InvalidNotificationException;
import io.chargeplane.billing.payment.spi.PaymentChannel;
import io.chargeplane.billing.payment.spi.PaymentChannelContract;
import io.chargeplane.billing.payment.spi.PaymentRequest;
import io.chargeplane.model.unit.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sandbox against the channel contract, its callbacks received by a real HTTP server on a free port. */
class SandboxChannelContractTest extends PaymentChannelContract {

    private static final String SECRET = "contract-test-secret-0123456789";

    private HttpServer server;
    private ScheduledExecutorService timer;
    private SandboxChannel channel;
    private final BlockingQueue<Received> callbacks = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callbacks/sandbox", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(SandboxSignature.HEADER);
            int status = failNext.getAndUpdate(n -> Math.max(n - 1, 0)) > 0 ? 503 : 204;
            if (status == 204) {
                callbacks.add(new Received(signature == null ? Map.of() : Map.of(SandboxSignature.HEADER, signature), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        URI callback = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/sandbox");
        timer = Executors.newSingleThreadScheduledExecutor();
        channel = new SandboxChannel(new SandboxSettings(SECRET, () -> callback, Duration.ofMillis(100), 4,
                Duration.ofMinutes(5)), HttpClient.newHttpClient(), timer, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        timer.shutdownNow();
    }

    @Override
    protected PaymentChannel channel() {
        return channel;
    }

    @Override
    protected Received awaitCallback(UUID paymentId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : seen) {
                if (mentions(r, paymentId)) {
                    seen.remove(r);
                    return r;
                }
            }
            Received next = callbacks.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                seen.add(next);
            }
        }
        return null;
    }

    private static boolean mentions(Received r, UUID paymentId) {
        return new String(r.body(), StandardCharsets.UTF_8).contains(paymentId.toString());
    }

    @Override
    protected Money succeedingAmount() {
        return Money.ofMinor(10_000, "CNY");
    }

    @Override
    protected Money decliningAmount() {
        return Money.ofMinor(10_013, "CNY");
    }

    @Test
    void amountEndingIn99NeverCompletesNorNotifies() throws InterruptedException {
        PaymentRequest request = new PaymentRequest(UUID.randomUUID(), Money.ofMinor(5_099, "CNY"), "walks away");
        channel.create(request).await().indefinitely();
        assertNull(awaitCallback(request.paymentId(), Duration.ofMillis(600)));
        assertEquals(io.chargeplane.billing.payment.spi.PaymentOutcome.PENDING,
                channel.query(request.paymentId()).await().indefinitely().outcome());
    }

    @Test
    void amountEndingIn77IsNotifiedThreeTimesWithTheSameNotificationId() throws InterruptedException {
        PaymentRequest request = new PaymentRequest(UUID.randomUUID(), Money.ofMinor(5_077, "CNY"), "repeats");
        channel.create(request).await().indefinitely();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Received r = awaitCallback(request.paymentId(), Duration.ofSeconds(5));
            ids.add(channel.verifyNotification(r.headers(), r.body()).notificationId());
        }
        assertEquals(1, ids.stream().distinct().count());
    }

    @Test
    void callbackThatFailsIsRetriedUntilItAnswers() throws InterruptedException {
        failNext.set(2);
        PaymentRequest request = new PaymentRequest(UUID.randomUUID(), Money.ofMinor(4_200, "CNY"), "retry");
        channel.create(request).await().indefinitely();
        Received r = awaitCallback(request.paymentId(), Duration.ofSeconds(5));
        assertEquals(request.paymentId(), channel.verifyNotification(r.headers(), r.body()).paymentId());
        assertEquals(0, failNext.get());
    }

    @Test
    void signatureMadeWithAnotherSecretOrTooLongAgoIsRefused() {
        byte[] body = "{\"merchantReference\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String foreign = new SandboxSignature("another-secret-0123456789").sign(Instant.now(), body);
        assertThrows(InvalidNotificationException.class,
                () -> channel.verifyNotification(Map.of(SandboxSignature.HEADER, foreign), body));
        String old = new SandboxSignature(SECRET).sign(Instant.now().minus(Duration.ofMinutes(6)), body);
        assertThrows(InvalidNotificationException.class,
                () -> channel.verifyNotification(Map.of(SandboxSignature.HEADER, old), body));
        SandboxSignature fixed = new SandboxSignature(SECRET);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        fixed.verify(fixed.sign(at, body), body, Clock.fixed(at.plusSeconds(60), ZoneOffset.UTC).instant(), Duration.ofMinutes(5));
    }
}
