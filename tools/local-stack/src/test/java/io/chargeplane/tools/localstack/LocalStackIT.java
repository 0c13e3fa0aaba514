package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.Ports;
import io.chargeplane.tools.localstack.StackState.ComponentState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The packaged launcher on free ports and a temp data folder ({@link RunningStack}, shared with the other stack
 * ITs of this JVM, which is why this class runs last): every component healthy, a demo user calls device-service
 * through Keycloak, then {@code down} from a second process leaves no process and no listening port.
 */
@Order(Integer.MAX_VALUE)
class LocalStackIT {

    @Test
    void upStartsEveryComponentHealthyAndDownLeavesNoProcessNorPort() throws Exception {
        RunningStack stack = RunningStack.shared();
        Process launcher = stack.launcher();

        StackState state = StackState.read(stack.dataDir().resolve("stack.json")).orElseThrow();
        List<String> names = state.components().stream().map(ComponentState::name).toList();
        assertTrue(names.containsAll(List.of("postgres", "kafka", "mqtt", "redis", "keycloak", "device-service",
                "billing-service", "charging-service", "bridge")), "components: " + names);
        for (ComponentState component : state.components()) {
            assertTrue(Health.probe(component.health()).up(), component.name() + " is not healthy");
        }
        assertEquals(0, stack.run("status"), "status of a healthy stack");

        demoUserListsDevices(stack);

        Set<ProcessHandle> processes = new HashSet<>(launcher.descendants().toList());
        processes.add(launcher.toHandle());
        state.components().forEach(c -> c.processes().forEach(ref -> ref.live().ifPresent(processes::add)));
        List<Integer> used = state.components().stream().flatMap(c -> c.ports().stream()).toList();

        assertEquals(0, stack.down(), "down");
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "launcher still running after down");
        stack.awaitOutputClosed(Duration.ofSeconds(5));
        assertTrue(stack.output().contains("stopping postgres"), stack.output());
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), "still running after down: " + process.pid() + " " + process.info().command());
        }
        for (int port : used) {
            assertFalse(Ports.isListening(port), "port " + port + " still listening after down");
        }
        assertFalse(Files.exists(stack.dataDir().resolve("stack.json")), "stack.json left behind");
    }

    private void demoUserListsDevices(RunningStack stack) throws Exception {
        String token = KeycloakTokens.forRealm(stack.realmUrl()).password("acme-admin", DemoRealm.password("acme-admin"))
                .accessToken();
        HttpClient http = HttpClient.newHttpClient();
        URI devices = URI.create(stack.http("device-service") + "/api/v1/devices");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(devices).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "device-service must refuse a call without a token");
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(devices).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"items\""), listed.body());
    }
}
