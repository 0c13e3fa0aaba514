package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.tools.loadgen.OcppDialect;
import io.chargeplane.tools.localstack.StackApi.Answer;
import io.chargeplane.tools.simulator.ConnectorState;
import io.chargeplane.tools.simulator.FaultKind;
import io.chargeplane.tools.simulator.Fleet;
import io.chargeplane.tools.simulator.FleetSettings;
import io.chargeplane.tools.simulator.StationSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backbone on the running stack (real Keycloak, PostgreSQL, Redis, Kafka, HiveMQ CE, the bridge, device-service
 * and charging-service, each its own process): an operator registers a site and OCPP chargers through the API, a
 * simulated charger connects with the secret the API returned, boots and reports status; the status reaches the
 * REST view and the SSE stream within 1 s of the charger sending it; {@code start_charging} becomes
 * RemoteStartTransaction (1.6) / RequestStartTransaction (2.0.1) and the API answers the charger's result; the
 * charger leaving shows it offline. Wrong secrets and blocked devices never get past the upgrade.
 */
class BackboneEndToEndIT {

    /** The bound from the charger's send to the status being visible through the API. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    private static final Duration FAULT_DOWNTIME = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private static RunningStack stack;
    private static StackApi acme;
    private static String siteId;

    @BeforeAll
    static void operatorHasASite() {
        stack = RunningStack.shared();
        Answer tenant = new StackApi(stack, "platform-admin").post("/api/v1/tenants", StackApi.tenant("acme"));
        assertTrue(tenant.status() == 201 || tenant.status() == 409, "tenant acme: " + tenant);
        acme = new StackApi(stack, "acme-admin");
        Answer site = acme.post("/api/v1/sites", StackApi.site("Backbone " + UUID.randomUUID().toString().substring(0, 8)));
        assertEquals(201, site.status(), site.body().toString());
        siteId = site.body().get("id").asText();
    }

    @Test
    void ocpp16ChargerReportsStatusWithinOneSecondStartsChargingRemotelyAndGoesOffline() throws Exception {
        chargerLifecycle(OcppDialect.OCPP16, "ocpp1.6");
    }

    @Test
    void ocpp201ChargerReportsStatusWithinOneSecondStartsChargingRemotelyAndGoesOffline() throws Exception {
        chargerLifecycle(OcppDialect.OCPP201, "ocpp2.0.1");
    }

    @Test
    void wrongSecretIsRefusedWithUnauthorizedBeforeTheUpgrade() {
        Registered charger = register("ocpp1.6");
        assertEquals(401, handshake(charger.identity(), "not-the-secret-" + charger.secret().substring(0, 10), "ocpp1.6"));
    }

    @Test
    void blockedChargerCannotConnectWithItsRightSecret() {
        Registered charger = register("ocpp2.0.1");
        Answer blocked = acme.patch("/api/v1/devices/" + charger.id(), Map.of("status", "BLOCKED"));
        assertEquals(200, blocked.status(), blocked.body().toString());
        int status = handshake(charger.identity(), charger.secret(), "ocpp2.0.1");
        // Blocked is disabled in Keycloak, which the bridge answers like an unknown station: 404, never 101.
        assertEquals(404, status, "a blocked charger must be refused before the upgrade");
    }

    private void chargerLifecycle(OcppDialect version, String protocol) throws Exception {
        Registered charger = register(protocol);
        String device = "/api/v1/devices/" + charger.id();
        try (StatusStream stream = new StatusStream(stack.http("device-service"), acme.token())) {
            stream.awaitReady(Duration.ofSeconds(10));
            FleetSettings settings = FleetSettings.builder().bridgeUrl(URI.create(stack.ocppUrl()))
                    .stations(List.of(new StationSpec(charger.identity(), charger.secret(), version, 1)))
                    .arrivalsPerHour(0).downtime(FAULT_DOWNTIME).seed(7).build();
            Fleet fleet = Fleet.start(settings);
            try {
                assertTrue(fleet.awaitBooted(SETTLE), "the charger's boot was not accepted: " + fleet.status());
                awaitRest(device + "/status", view -> view.path("online").asBoolean() && hasConnector(view, "AVAILABLE"),
                        SETTLE, "online with its connector AVAILABLE");

                // The charger sends StatusNotification Faulted now, and Available again after the downtime.
                long faultedSent = System.nanoTime();
                fleet.inject(charger.identity(), FaultKind.ERROR);
                long restFaulted = awaitRest(device + "/status", view -> hasConnector(view, "FAULTED"),
                        VISIBLE_WITHIN.multipliedBy(5), "connector FAULTED") - faultedSent;
                StatusStream.Received sseFaulted = stream.await(change -> isConnector(change, charger, "FAULTED"),
                        faultedSent, VISIBLE_WITHIN.multipliedBy(5));
                assertNotNull(sseFaulted, "no FAULTED change on the status stream");
                long sseDelay = sseFaulted.arrivedNanos() - faultedSent;
                System.out.printf(Locale.ROOT, "[backbone] %s status FAULTED visible: REST %.1f ms, SSE %.1f ms%n",
                        protocol, restFaulted / 1e6, sseDelay / 1e6);
                assertTrue(restFaulted <= VISIBLE_WITHIN.toNanos(), "REST showed FAULTED after " + restFaulted / 1e6 + " ms");
                assertTrue(sseDelay <= VISIBLE_WITHIN.toNanos(), "SSE announced FAULTED after " + sseDelay / 1e6 + " ms");

                long availableAgain = System.nanoTime();
                StatusStream.Received sseAvailable = stream.await(change -> isConnector(change, charger, "AVAILABLE"),
                        availableAgain, FAULT_DOWNTIME.plus(VISIBLE_WITHIN.multipliedBy(5)));
                assertNotNull(sseAvailable, "no AVAILABLE change after the fault cleared");
                awaitRest(device + "/status", view -> hasConnector(view, "AVAILABLE"), SETTLE, "connector AVAILABLE again");

                long remoteStartsBefore = fleet.status().remoteStarts();
                Answer started = acme.post(device + "/commands/start_charging", Map.of("evse", 1, "connector", 1,
                        "idToken", Map.of("value", "REMOTE-0001", "type", "RFID")));
                assertEquals(200, started.status(), started.body().toString());
                assertEquals("ACCEPTED", started.body().path("status").asText(), started.body().toString());
                assertEquals("start_charging", started.body().path("capability").asText());
                // The simulated charger accepted a RemoteStartTransaction / RequestStartTransaction and began a session.
                assertTrue(fleet.await(s -> s.remoteStarts() == remoteStartsBefore + 1, Duration.ofSeconds(5)),
                        "remote starts: " + fleet.status());
                ConnectorState state = fleet.view(charger.identity()).connector(1).state();
                assertTrue(state.busy(), "connector after the remote start: " + state);
            } finally {
                fleet.close();
            }

            long closed = System.nanoTime();
            awaitRest(device + "/status", view -> !view.path("online").asBoolean(), SETTLE, "offline after close");
            StatusStream.Received offline = stream.await(change -> "PRESENCE".equals(change.path("kind").asText())
                    && charger.id().equals(change.path("deviceId").asText()) && !change.path("online").asBoolean(),
                    closed, SETTLE);
            assertNotNull(offline, "no offline presence change on the status stream");
            System.out.printf(Locale.ROOT, "[backbone] %s offline announced %.1f ms after the charger closed%n", protocol,
                    (offline.arrivedNanos() - closed) / 1e6);
        }
    }

    private record Registered(String id, String identity, String secret) {
    }

    private static Registered register(String protocol) {
        String identity = "BB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Answer answer = acme.post("/api/v1/devices", StackApi.charger(siteId, identity, protocol));
        assertEquals(201, answer.status(), answer.body().toString());
        String secret = answer.body().path("credentials").path("secret").asText();
        assertTrue(secret.length() >= 16, "the registration must return the secret once: " + answer.body());
        return new Registered(answer.body().get("id").asText(), identity, secret);
    }

    private static boolean hasConnector(JsonNode view, String status) {
        for (JsonNode connector : view.path("connectors")) {
            if (connector.path("connector").isInt() && status.equals(connector.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnector(JsonNode change, Registered charger, String status) {
        return "CONNECTOR".equals(change.path("kind").asText()) && charger.id().equals(change.path("deviceId").asText())
                && change.path("connector").isInt() && status.equals(change.path("status").asText());
    }

    /** Polls the REST view every 10 ms; returns {@link System#nanoTime()} of the first answer that matches. */
    private static long awaitRest(String path, Predicate<JsonNode> match, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = acme.get(path);
            long at = System.nanoTime();
            if (last.status() == 200 && match.test(last.body())) {
                return at;
            }
            Thread.sleep(10);
        }
        fail("not " + what + " within " + timeout.toMillis() + " ms; last answer: " + last);
        return -1;
    }

    /** Opens an OCPP-J WebSocket with Basic auth; the HTTP status of the handshake (101 when it was upgraded). */
    private static int handshake(String identity, String secret, String subprotocol) {
        String basic = Base64.getEncoder().encodeToString((identity + ":" + secret).getBytes(StandardCharsets.UTF_8));
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Basic " + basic).subprotocols(subprotocol)
                    .buildAsync(URI.create(stack.ocppUrl() + "/" + identity), new WebSocket.Listener() { })
                    .get(15, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("handshake failed without an HTTP answer", e);
        } catch (Exception e) {
            throw new AssertionError("handshake did not finish", e);
        }
    }
}
