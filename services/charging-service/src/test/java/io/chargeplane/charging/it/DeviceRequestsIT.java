package io.chargeplane.charging.it;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.OfflinePolicySetting;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.chargeplane.charging.it.Api.as;
import static io.chargeplane.charging.it.Api.change;
import static io.chargeplane.charging.it.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device requests over the real MQTT 5 broker, answered through charging-service's shared subscription. */
@QuarkusTest
@TestProfile(ChargingServiceProfile.class)
class DeviceRequestsIT {

    private static AuthorizeReply authorize(BusAdapter adapter, String uid) throws Exception {
        return adapter.request(AuthorizeRequest.of(IdToken.rfid(uid)), AuthorizeReply.class);
    }

    @Test
    void authorizeAnswersAcceptedBlockedExpiredAndInvalidPerTenant() throws Exception {
        String accepted = unique("OK");
        String blocked = unique("BLK");
        String expired = unique("EXP");
        String voltCard = unique("VOLT");
        Api.createToken("acme-admin", accepted, "driver-1", Instant.now().plus(Duration.ofDays(30)), false);
        Api.createToken("acme-admin", blocked, "driver-1", null, true);
        Api.createToken("acme-admin", expired, "driver-1", Instant.now().minusSeconds(60), false);
        Api.createToken("volt-admin", voltCard, "driver-9", null, false);
        try (BusAdapter acme = new BusAdapter("acme", unique("CP"))) {
            assertEquals(AuthorizationStatus.ACCEPTED, authorize(acme, accepted).status());
            assertEquals(AuthorizationStatus.BLOCKED, authorize(acme, blocked).status());
            assertEquals(AuthorizationStatus.EXPIRED, authorize(acme, expired).status());
            assertEquals(AuthorizationStatus.INVALID, authorize(acme, unique("NONE")).status());
            assertEquals(AuthorizationStatus.INVALID, authorize(acme, voltCard).status(), "another tenant's card is unknown");
        }
        try (BusAdapter volt = new BusAdapter("volt", unique("CP"))) {
            assertEquals(AuthorizationStatus.ACCEPTED, authorize(volt, voltCard).status());
        }
    }

    @Test
    void blockingATokenTakesEffectOnTheNextRequest() throws Exception {
        String uid = unique("CARD");
        Api.createToken("acme-admin", uid, "driver-1", null, false);
        try (BusAdapter acme = new BusAdapter("acme", unique("CP"))) {
            assertEquals(AuthorizationStatus.ACCEPTED, authorize(acme, uid).status());
            change("acme-admin").body(Map.of("type", "RFID", "owner", "driver-1", "blocked", true))
                    .put("/api/v1/tokens/" + uid).then().statusCode(200).body("status", equalTo("BLOCKED"));
            assertEquals(AuthorizationStatus.BLOCKED, authorize(acme, uid).status());
            change("acme-admin").delete("/api/v1/tokens/" + uid).then().statusCode(204);
            assertEquals(AuthorizationStatus.INVALID, authorize(acme, uid).status());
        }
    }

    @Test
    void transactionIdsAreUniqueUnderConcurrentStartsAcrossDevices() throws Exception {
        String uid = unique("CARD");
        Api.createToken("acme-admin", uid, "driver-1", null, false);
        int devices = 8;
        int perDevice = 25;
        List<BusAdapter> adapters = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        try {
            for (int d = 0; d < devices; d++) {
                adapters.add(new BusAdapter("acme", unique("CP")));
            }
            List<Future<StartTransactionReply>> replies = new ArrayList<>();
            for (int i = 0; i < devices * perDevice; i++) {
                BusAdapter adapter = adapters.get(i % devices);
                replies.add(pool.submit(() -> adapter.request(new StartTransactionRequest(EvseId.of(1), ConnectorId.of(1),
                        IdToken.rfid(uid), Energy.ofWh(1000), Instant.now()), StartTransactionReply.class)));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<StartTransactionReply> reply : replies) {
                StartTransactionReply r = reply.get(60, TimeUnit.SECONDS);
                assertEquals(AuthorizationStatus.ACCEPTED, r.authorization().status());
                assertTrue(r.transactionId() > 0 && r.transactionId() <= Integer.MAX_VALUE);
                ids.add(r.transactionId());
            }
            assertEquals(devices * perDevice, ids.size(), "every start got its own transaction id");
        } finally {
            pool.shutdownNow();
            for (BusAdapter adapter : adapters) {
                adapter.close();
            }
        }
    }

    @Test
    void startWithAnUnknownCardGetsAnIdButNoSession() throws Exception {
        String device = unique("CP");
        try (BusAdapter acme = new BusAdapter("acme", device)) {
            StartTransactionReply reply = acme.request(new StartTransactionRequest(EvseId.of(1), ConnectorId.of(1),
                    IdToken.rfid(unique("NONE")), Energy.ofWh(0), Instant.now()), StartTransactionReply.class);
            assertEquals(AuthorizationStatus.INVALID, reply.authorization().status());
        }
        as("acme-admin").queryParam("device", device).get("/api/v1/sessions").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void localStartWithoutTheChargersReportFailsByTheTimeoutRule() throws Exception {
        String uid = unique("CARD");
        String device = unique("CP");
        Api.createToken("acme-admin", uid, "driver-7", null, false);
        try (BusAdapter acme = new BusAdapter("acme", device)) {
            acme.request(new StartTransactionRequest(EvseId.of(1), ConnectorId.of(1), IdToken.rfid(uid), Energy.ofWh(0),
                    Instant.now()), StartTransactionReply.class);
        }
        as("acme-admin").queryParam("device", device).get("/api/v1/sessions").then().statusCode(200)
                .body("items[0].state", equalTo("STARTING")).body("items[0].origin", equalTo("LOCAL"))
                .body("items[0].driver", equalTo("driver-7"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as("acme-admin").queryParam("device", device).get("/api/v1/sessions").then()
                        .body("items[0].state", equalTo("FAILED")));
    }

    @Test
    void offlinePolicyIsPublishedRetainedForTheTenantsAdapters() throws Exception {
        change("acme-admin").body(Map.of("offlinePolicy", "accept-known", "knownTokenTtl", "PT2H"))
                .put("/api/v1/charging-policy").then().statusCode(200).body("offlinePolicy", equalTo("accept-known"));
        as("acme-staff").get("/api/v1/charging-policy").then().statusCode(200).body("knownTokenTtl", equalTo("PT2H"));
        change("acme-admin").body(Map.of("offlinePolicy", "sometimes")).put("/api/v1/charging-policy")
                .then().statusCode(400).body("errors[0].field", equalTo("offlinePolicy"));

        // An adapter that starts later still gets it: the message is retained.
        Mqtt5AsyncClient late = MqttClient.builder().useMqttVersion5().identifier("test-late-" + UUID.randomUUID())
                .serverHost(SharedServices.mqtt().host()).serverPort(SharedServices.mqtt().port()).buildAsync();
        late.connect().get(30, TimeUnit.SECONDS);
        CompletableFuture<OfflinePolicySetting> received = new CompletableFuture<>();
        late.subscribeWith().topicFilter(Topics.offlinePolicy(TenantId.of("acme")))
                .callback(p -> received.complete(CanonicalCodec.defaultCodec()
                        .readJson(p.getPayloadAsBytes(), OfflinePolicySetting.class)))
                .send().get(30, TimeUnit.SECONDS);
        assertEquals(new OfflinePolicySetting("accept-known", Duration.ofHours(2)), received.get(10, TimeUnit.SECONDS));
        late.disconnect().get(10, TimeUnit.SECONDS);
    }
}
