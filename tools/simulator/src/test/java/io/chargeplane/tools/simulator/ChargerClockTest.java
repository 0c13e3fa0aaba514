package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.tools.loadgen.OcppDialect;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A charger's frames carry its clock's time and its register counts energy by that clock, not by the wall clock:
 * a session stepped across 10:00 by the clock reports exactly power × clock time on each side, while its meter
 * timer runs in real time.
 */
class ChargerClockTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void transactionTimesAndEnergyFollowTheChargersClockAcrossABoundary() throws Exception {
        StepClock clock = new StepClock(Instant.parse("2026-11-25T08:55:00Z"));
        FleetSettings settings = FleetSettings.builder().bridgeUrl(URI.create("ws://127.0.0.1:1/ocpp"))
                .stations(List.of(new StationSpec("CLOCK-1", "secret-secret-0001", OcppDialect.OCPP16, 1)))
                .powerKw(24).meterInterval(Duration.ofMillis(20)).sessionLength(new SessionLength.Fixed(Duration.ofHours(1)))
                .clock(clock).build();
        Recorder outbox = new Recorder();
        SessionRunner runner = new SessionRunner(vertx, StationProtocol.of(OcppDialect.OCPP16),
                outbox, settings, new FleetCounters(1), RandomGenerator.of("L64X128MixRandom"));
        Connector connector = new Connector(1, 24_000, 1_234_567);
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> runner.remote(connector, "CP-TEST", "Central", null));

        JsonNode start = outbox.await(c -> c.action().equals("StartTransaction")).payload();
        assertEquals("2026-11-25T08:55:00Z", start.path("timestamp").asText());
        long meterStart = start.path("meterStart").asLong();
        assertEquals(1_234, meterStart);

        // Five minutes of clock time at 24 kW: 2 kWh, whatever the real time in between.
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        JsonNode sample = outbox.await(c -> c.action().equals("MeterValues")
                && c.payload().at("/meterValue/0/timestamp").asText().equals("2026-11-25T09:00:00Z")).payload();
        assertEquals(meterStart + 2_000, sample.at("/meterValue/0/sampledValue/0/value").asLong());

        clock.set(Instant.parse("2026-11-25T09:05:00Z"));
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        context.runOnContext(v -> ended.complete(runner.end(connector, StopCause.REMOTE, false)));
        assertTrue(ended.get(5, TimeUnit.SECONDS));
        JsonNode stop = outbox.await(c -> c.action().equals("StopTransaction")).payload();
        assertEquals("2026-11-25T09:05:00Z", stop.path("timestamp").asText());
        assertEquals(meterStart + 4_000, stop.path("meterStop").asLong());
    }

    /** A clock that stands still until the test moves it. */
    static final class StepClock extends Clock {
        private volatile Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The CSMS side: answers StartTransaction with transaction 7, records every CALL. */
    private static final class Recorder implements Outbox {
        final List<OutCall> calls = new CopyOnWriteArrayList<>();

        @Override
        public boolean online() {
            return true;
        }

        @Override
        public Future<ObjectNode> call(OutCall call) {
            calls.add(call);
            ObjectNode answer = Frames.object().put("transactionId", 7);
            answer.putObject("idTagInfo").put("status", "Accepted");
            return Future.succeededFuture(answer);
        }

        @Override
        public void send(OutCall call) {
            calls.add(call);
        }

        @Override
        public void sendTransactional(OutCall call) {
            calls.add(call);
        }

        @Override
        public void reportStatus(Connector connector) {
        }

        OutCall await(Predicate<OutCall> match) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                for (OutCall call : calls) {
                    if (match.test(call)) {
                        return call;
                    }
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no matching CALL in " + calls);
        }
    }
}
