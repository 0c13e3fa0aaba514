package io.chargeplane.bridge.core.connection;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Devices whose bus subscription outlives their connection for a while. A charger that drops its connection
 * usually comes back within seconds (a reconnect storm after a network blip is the extreme case); keeping its
 * command, reply and presence subscription for {@code linger} spares the broker an UNSUBSCRIBE and a SUBSCRIBE
 * per reconnect, which is most of its work in a storm. While a device lingers this instance ignores its commands,
 * as an unsubscribed one would, so it never contradicts another instance the device may have reconnected to.
 *
 * <p>Callers hold the device's stripe lock around {@link #keep}, {@link #reclaim} and {@link #forget}, so a
 * device is never both lingering and attached. {@link #expired()} only proposes candidates: the caller removes
 * each under the lock with {@link #release(Candidate)}, which fails if the device came back meanwhile.
 */
final class LingeringSubscriptions {

    /** A device whose linger ran out, as seen when it was proposed. */
    record Candidate(DeviceAddress address, long since) {
    }

    private final long lingerNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<DeviceAddress, Long> lingering = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Candidate> order = new ConcurrentLinkedQueue<>();

    LingeringSubscriptions(Duration linger, LongSupplier nanoClock) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("chargeplane.bridge.subscription-linger must not be negative");
        }
        this.lingerNanos = linger.toNanos();
        this.nanoClock = nanoClock;
    }

    /** False when subscriptions end with their connection (a linger of zero). */
    boolean enabled() {
        return lingerNanos > 0;
    }

    /** The device disconnected; its subscription stays for the linger time. */
    void keep(DeviceAddress address) {
        long now = nanoClock.getAsLong();
        lingering.put(address, now);
        order.add(new Candidate(address, now));
    }

    /** The device attaches again: true when its subscription is still in place and need not be made again. */
    boolean reclaim(DeviceAddress address) {
        return lingering.remove(address) != null;
    }

    /** The subscription must go now (the device moved to another instance): true if it was lingering. */
    boolean forget(DeviceAddress address) {
        return lingering.remove(address) != null;
    }

    /** The broker lost every subscription (a fresh session after a reconnect): nothing lingers any more. */
    void clear() {
        lingering.clear();
        order.clear();
    }

    /** Devices whose linger ran out, oldest first; each still needs {@link #release(Candidate)}. */
    List<Candidate> expired() {
        List<Candidate> due = new ArrayList<>();
        long now = nanoClock.getAsLong();
        Candidate head;
        while ((head = order.peek()) != null && now - head.since() >= lingerNanos) {
            order.poll();
            Long current = lingering.get(head.address());
            if (current != null && current == head.since()) {
                due.add(head);
            }
        }
        return due;
    }

    /** Ends the linger of a proposed device; false if it re-attached or lingers anew since it was proposed. */
    boolean release(Candidate candidate) {
        return lingering.remove(candidate.address(), candidate.since());
    }

    boolean contains(DeviceAddress address) {
        return lingering.containsKey(address);
    }

    int size() {
        return lingering.size();
    }
}
