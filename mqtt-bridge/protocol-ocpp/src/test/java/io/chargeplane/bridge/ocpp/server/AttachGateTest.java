package io.chargeplane.bridge.ocpp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttachGateTest {

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final AtomicLong now = new AtomicLong();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void admitsUpToTheConcurrencyThenQueuesInArrivalOrder() throws Exception {
        AttachGate gate = new AttachGate(2, 10, Duration.ofSeconds(30), now::get);

        assertEquals(AttachGate.Entry.ADMITTED, enter(gate, "a"));
        assertEquals(AttachGate.Entry.ADMITTED, enter(gate, "b"));
        assertEquals(AttachGate.Entry.QUEUED, enter(gate, "c"));
        assertEquals(AttachGate.Entry.QUEUED, enter(gate, "d"));
        assertEquals(List.of("admitted a", "admitted b"), log);

        gate.leave();
        awaitLog(3);
        assertEquals("admitted c", log.get(2));
        assertEquals(2, gate.running());
        assertEquals(1, gate.waiting());
    }

    @Test
    void aNewcomerDoesNotOvertakeTheQueueWhenASlotIsFree() {
        AttachGate gate = new AttachGate(1, 10, Duration.ofSeconds(30), now::get);
        enter(gate, "a");
        enter(gate, "b");

        gate.leave();   // hands the slot to b before anyone else can take it
        assertEquals(AttachGate.Entry.QUEUED, enter(gate, "c"));
        assertEquals(1, gate.running());
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFull() {
        AttachGate gate = new AttachGate(1, 1, Duration.ofSeconds(30), now::get);
        enter(gate, "a");
        enter(gate, "b");

        assertEquals(AttachGate.Entry.REFUSED, enter(gate, "c"));
        assertEquals(List.of("admitted a", "refused c"), log);
    }

    @Test
    void waitersPastTheirDeadlineAreRefusedBySweepOrSkippedOnLeave() throws Exception {
        AttachGate gate = new AttachGate(1, 10, Duration.ofSeconds(30), now::get);
        enter(gate, "a");
        enter(gate, "b");
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        enter(gate, "c");
        now.addAndGet(Duration.ofSeconds(15).toNanos());   // b waited 35 s, c 15 s

        gate.expire();
        awaitLog(2);
        assertEquals("refused b", log.get(1));
        assertEquals(1, gate.waiting());

        now.addAndGet(Duration.ofSeconds(20).toNanos());   // c waited 35 s
        gate.leave();
        awaitLog(3);
        assertEquals("refused c", log.get(2));
        assertEquals(0, gate.running());
    }

    @Test
    void leaveWithoutAdmissionIsAProgrammingError() {
        AttachGate gate = new AttachGate(1, 1, Duration.ofSeconds(1), now::get);
        assertThrows(IllegalStateException.class, gate::leave);
    }

    private AttachGate.Entry enter(AttachGate gate, String name) {
        return gate.enter(context, () -> log.add("admitted " + name), () -> log.add("refused " + name));
    }

    private void awaitLog(int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(size, log.size(), "log: " + log);
    }
}
