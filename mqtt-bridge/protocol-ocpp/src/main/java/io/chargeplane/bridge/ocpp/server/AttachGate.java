package io.chargeplane.bridge.ocpp.server;

import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Admission for upgrades: at most {@code concurrency} stations are between the upgrade and an attached bus link at
 * any time; the others wait, in arrival order and still before the upgrade, for at most {@code queueTimeout}, and
 * are then refused so the charger retries later. Without it a reconnect storm starts every attach at once, the
 * broker's acknowledgements arrive after the handshake deadline and every station is dropped together.
 *
 * <p>Exactly one of a waiter's two actions runs, on the waiter's own context. Whoever was admitted must call
 * {@link #leave()} exactly once, when its attach has succeeded or failed.
 */
final class AttachGate {

    /** What {@link #enter} decided at once. */
    enum Entry { ADMITTED, QUEUED, REFUSED }

    private record Waiter(Context context, Runnable admitted, Runnable refused, long deadline) {
    }

    private final int concurrency;
    private final int queueLimit;
    private final long queueTimeoutNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int running;

    AttachGate(int concurrency, int queueLimit, Duration queueTimeout, LongSupplier nanoClock) {
        if (concurrency < 1 || queueLimit < 0 || queueTimeout.isNegative()) {
            throw new IllegalArgumentException("attach gate: concurrency >= 1, queue limit >= 0, timeout >= 0");
        }
        this.concurrency = concurrency;
        this.queueLimit = queueLimit;
        this.queueTimeoutNanos = queueTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Runs {@code admitted} now when a slot is free and nobody waits, queues it otherwise, and runs {@code refused}
     * now when the queue is full.
     */
    Entry enter(Context context, Runnable admitted, Runnable refused) {
        Entry entry;
        synchronized (this) {
            if (running < concurrency && waiting.isEmpty()) {
                running++;
                entry = Entry.ADMITTED;
            } else if (waiting.size() >= queueLimit) {
                entry = Entry.REFUSED;
            } else {
                waiting.add(new Waiter(context, admitted, refused, nanoClock.getAsLong() + queueTimeoutNanos));
                entry = Entry.QUEUED;
            }
        }
        switch (entry) {
            case ADMITTED -> admitted.run();
            case REFUSED -> refused.run();
            case QUEUED -> { }
        }
        return entry;
    }

    /** Frees the caller's slot and hands it to the longest waiting station whose wait has not run out. */
    void leave() {
        List<Waiter> expired = new ArrayList<>();
        Waiter next = null;
        synchronized (this) {
            if (running == 0) {
                throw new IllegalStateException("leave() without a matching admission");
            }
            running--;
            long now = nanoClock.getAsLong();
            while (!waiting.isEmpty()) {
                Waiter head = waiting.poll();
                if (head.deadline - now < 0) {
                    expired.add(head);
                } else {
                    running++;
                    next = head;
                    break;
                }
            }
        }
        refuse(expired);
        if (next != null) {
            Waiter admitted = next;
            admitted.context.runOnContext(v -> admitted.admitted.run());
        }
    }

    /** Refuses the waiters whose wait ran out; called periodically, as no slot may free up for a while. */
    void expire() {
        List<Waiter> expired = new ArrayList<>();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            while (!waiting.isEmpty() && waiting.peek().deadline - now < 0) {
                expired.add(waiting.poll());
            }
        }
        refuse(expired);
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private static void refuse(List<Waiter> expired) {
        for (Waiter waiter : expired) {
            waiter.context.runOnContext(v -> waiter.refused.run());
        }
    }
}
