package io.chargeplane.bridge.credentials.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.CredentialsUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void atMostMaxConcurrentRunAndTheNextStartsWhenOneEnds() throws Exception {
        Admission admission = new Admission(2, 10, Duration.ofSeconds(5));
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        CompletableFuture<Boolean> cStarted = new CompletableFuture<>();
        admission.run(() -> a);
        admission.run(() -> b);
        CompletableFuture<String> c = admission.run(() -> {
            cStarted.complete(true);
            return CompletableFuture.completedFuture("c");
        }).toCompletableFuture();
        assertEquals(2, admission.running());
        assertEquals(1, admission.queued());
        assertFalse(cStarted.isDone());
        a.complete("a");
        assertEquals("c", c.get(5, TimeUnit.SECONDS));
        b.complete("b");
        assertEquals(0, admission.running());
    }

    @Test
    void aWaiterPastTheQueueDeadlineFailsAsUnavailableAndLosesItsTurn() throws Exception {
        Admission admission = new Admission(1, 10, Duration.ofMillis(200));
        CompletableFuture<String> holder = new CompletableFuture<>();
        admission.run(() -> holder);
        long started = System.nanoTime();
        CompletableFuture<String> late = admission.run(() -> CompletableFuture.completedFuture("never"))
                .toCompletableFuture();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> late.get(5, TimeUnit.SECONDS));
        assertInstanceOf(CredentialsUnavailableException.class, failure.getCause());
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waitedMillis >= 190 && waitedMillis < 3_000, "waited " + waitedMillis + " ms");
        holder.complete("done");
        assertEquals(0, admission.running(), "the expired waiter took no slot");
        assertEquals("next", admission.run(() -> CompletableFuture.completedFuture("next"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        Admission admission = new Admission(1, 1, Duration.ofSeconds(30));
        admission.run(CompletableFuture::new);
        admission.run(() -> CompletableFuture.completedFuture("queued"));
        CompletableFuture<String> refused = admission.run(() -> CompletableFuture.completedFuture("x"))
                .toCompletableFuture();
        assertTrue(refused.isCompletedExceptionally());
        ExecutionException failure = assertThrows(ExecutionException.class, refused::get);
        assertInstanceOf(CredentialsUnavailableException.class, failure.getCause());
    }
}
