package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.tools.localstack.StackState.ComponentState;
import io.chargeplane.tools.localstack.demo.DemoApi;
import io.chargeplane.tools.localstack.demo.DemoApi.Answer;
import io.chargeplane.tools.localstack.demo.DemoApi.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code up --demo} on the shared stack ({@link RunningStack} starts it with the demo): every component healthy,
 * demo chargers online in device-service, and sessions completed in charging-service with their receipts in
 * billing-service, each through the REST APIs as the demo users see them and within a bounded time. LocalStackIT
 * then stops the stack with the fleet running and checks that nothing is left.
 */
class DemoIT {

    /** From "all healthy": the demo's set-up, the chargers' boot and one 30–60 s session, with room for a busy machine. */
    private static final Duration BILLED_WITHIN = Duration.ofSeconds(240);

    private static RunningStack stack;
    private static DemoApi api;

    @BeforeAll
    static void demoStackRuns() {
        stack = RunningStack.shared();
        api = new DemoApi(new DemoApi.Urls(stack.realmUrl(), stack.http("device-service"),
                stack.http("charging-service"), stack.http("billing-service")));
    }

    @Test
    void everyComponentOfTheDemoStackIsHealthy() {
        StackState state = StackState.read(stack.dataDir().resolve("stack.json")).orElseThrow();
        List<String> names = state.components().stream().map(ComponentState::name).toList();
        assertTrue(names.containsAll(List.of("postgres", "kafka", "mqtt", "redis", "keycloak", "device-service",
                "billing-service", "charging-service", "bridge")), "components: " + names);
        for (ComponentState component : state.components()) {
            assertTrue(Health.probe(component.health()).up(), component.name() + " is not healthy");
        }
    }

    @Test
    void demoChargersAreRegisteredAndOnlineInDeviceService() {
        Caller acme = api.as("acme-admin", stack.http("device-service"));
        Answer devices = acme.get("/api/v1/devices?size=100&q=DEMO-ACME-");
        assertEquals(200, devices.status(), devices.toString());
        assertTrue(devices.body().path("total").asInt() >= 2, "acme's demo chargers: " + devices);
        List<String> protocols = devices.body().findValuesAsText("protocol");
        assertTrue(protocols.contains("ocpp1.6") && protocols.contains("ocpp2.0.1"), "protocols: " + protocols);
        List<String> ids = devices.body().path("items").findValuesAsText("id");

        String online = awaitValue("a demo charger online", () -> ids.stream()
                .filter(id -> acme.get("/api/v1/devices/" + id + "/status").body().path("online").asBoolean())
                .findFirst());
        assertFalse(online.isBlank());
    }

    @Test
    void cardSessionCompletesAndItsReceiptIsInBilling() {
        JsonNode session = awaitCompletedSession("acme-admin", "LOCAL");
        Caller billing = api.as("acme-admin", stack.http("billing-service"));
        JsonNode receipt = awaitValue("the receipt of card session " + session.path("id").asText(), () -> Optional
                .of(billing.get("/api/v1/rated-sessions/" + session.path("id").asText()))
                .filter(Answer::ok).map(Answer::body));
        assertEquals("CNY", receipt.path("total").path("currency").asText(), receipt.toString());
        assertEquals("demo-tou", receipt.path("tariffId").asText(), receipt.toString());
        assertEquals("PAID", receipt.path("paymentStatus").asText(), receipt.toString());
        assertEquals(session.path("energyMwh").asLong(), receipt.path("energy").asLong(),
                "billed energy equals the session's: " + receipt);
    }

    @Test
    void appSessionOfTheAcmeDriverCompletesAndIsPaidFromItsWallet() {
        JsonNode session = awaitCompletedSession("acme-driver", "APP");
        Caller receipts = api.as("acme-driver", stack.http("billing-service"));
        JsonNode receipt = awaitValue("the driver's receipt of app session " + session.path("id").asText(), () -> Optional
                .of(receipts.get("/api/v1/receipts/" + session.path("id").asText()))
                .filter(Answer::ok).map(Answer::body));
        assertEquals("PAID", receipt.path("paymentStatus").asText(), receipt.toString());
        assertFalse(receipt.path("holdId").asText("").isEmpty(), "an app session is paid from its hold: " + receipt);
        assertTrue(receipt.path("total").path("minorUnits").asLong() > 0, "energy was charged: " + receipt);
    }

    private static JsonNode awaitCompletedSession(String user, String origin) {
        Caller charging = api.as(user, stack.http("charging-service"));
        return awaitValue("a completed " + origin + " session seen by " + user, () -> {
            Answer completed = charging.get("/api/v1/sessions?size=100&state=COMPLETED");
            for (JsonNode session : completed.body().path("items")) {
                if (origin.equals(session.path("origin").asText()) && session.path("energyMwh").asLong() > 0) {
                    return Optional.of(session);
                }
            }
            return Optional.empty();
        });
    }

    private static <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + BILLED_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("no " + what + " within " + BILLED_WITHIN.toSeconds() + " s; launcher output:\n" + stack.output());
    }
}
