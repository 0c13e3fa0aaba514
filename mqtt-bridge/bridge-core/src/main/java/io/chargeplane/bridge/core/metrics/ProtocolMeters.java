package io.chargeplane.bridge.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

/** Pre-resolved meters for the per-message paths of one protocol. */
public final class ProtocolMeters {

    public final Counter eventsPublished;
    public final Counter eventsFailed;
    public final Counter repliesReceived;
    public final Counter requestsAnsweredOffline;
    public final Counter requestsUnanswered;
    public final Timer publishLatency;
    public final Timer requestLatency;
    public final Timer commandLatency;
    private final BridgeMetrics metrics;
    private final String protocol;

    ProtocolMeters(BridgeMetrics metrics, String protocol) {
        this.metrics = metrics;
        this.protocol = protocol;
        eventsPublished = metrics.messages(protocol, "out", "event", "ok");
        eventsFailed = metrics.messages(protocol, "out", "event", "failed");
        repliesReceived = metrics.messages(protocol, "in", "reply", "ok");
        requestsAnsweredOffline = metrics.messages(protocol, "out", "request", "offline_policy");
        requestsUnanswered = metrics.messages(protocol, "out", "request", "unanswered");
        publishLatency = metrics.latency(protocol, "publish");
        requestLatency = metrics.latency(protocol, "request");
        commandLatency = metrics.latency(protocol, "command");
    }

    /** Commands by outcome: the command's status in lower case, or {@code duplicate}. */
    public Counter commands(String outcome) {
        return metrics.messages(protocol, "in", "command", outcome);
    }

    public String protocol() {
        return protocol;
    }
}
