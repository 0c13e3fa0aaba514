package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every connection of the adapter shares: one reference per connection instead of many. */
final class OcppEndpointShared {

    static final String PROTOCOL = "ocpp";

    final Vertx vertx;
    final OcppConfig config;
    final Set<OcppConnection> connections = ConcurrentHashMap.newKeySet();
    final Counter framesIn;
    final Counter framesOut;
    final Counter framesRejected;
    final Counter callsRefused;
    final Counter duplicates;
    final Counter unmatchedAnswers;
    final Counter upgradesDeferred;
    final Counter upgradesRefusedBusy;
    final AttachGate attachGate;
    volatile boolean stopping;

    OcppEndpointShared(Vertx vertx, OcppConfig config, BridgeMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        framesIn = metrics.messages(PROTOCOL, "in", "frame", "ok");
        framesOut = metrics.messages(PROTOCOL, "out", "frame", "ok");
        framesRejected = metrics.messages(PROTOCOL, "in", "frame", "rejected");
        callsRefused = metrics.messages(PROTOCOL, "out", "callerror", "refused");
        duplicates = metrics.messages(PROTOCOL, "in", "frame", "duplicate");
        unmatchedAnswers = metrics.messages(PROTOCOL, "in", "frame", "unmatched");
        upgradesDeferred = metrics.messages(PROTOCOL, "in", "upgrade", "deferred");
        upgradesRefusedBusy = metrics.messages(PROTOCOL, "in", "upgrade", "busy");
        attachGate = new AttachGate(config.attachConcurrency(), config.attachQueueLimit(), config.attachQueueTimeout(),
                System::nanoTime);
    }
}
