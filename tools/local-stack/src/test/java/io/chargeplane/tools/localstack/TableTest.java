package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.tools.localstack.DemoLogins.Login;
import io.chargeplane.tools.localstack.StackState.ComponentState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static ComponentState component(String name, String url, String note) {
        return new ComponentState(name, "service", url, "http://127.0.0.1:1/q/health/ready", "/logs/" + name + ".log",
                note, List.of(), List.of(1));
    }

    @Test
    void alignsComponentsWithTheirHealthAndNotes() {
        String table = Table.render(List.of(component("redis", "redis://127.0.0.1:16379", ""),
                component("bridge", "http://127.0.0.1:18090", "OCPP ws://127.0.0.1:8180/ocpp/{stationId}")),
                c -> c.name().equals("redis") ? "UP" : "DOWN (HTTP 503)", List.of());
        assertEquals("""
                COMPONENT  URL                                        HEALTH
                redis      redis://127.0.0.1:16379                    UP
                bridge     http://127.0.0.1:18090                     DOWN (HTTP 503)
                           OCPP ws://127.0.0.1:8180/ocpp/{stationId}
                """, table);
    }

    @Test
    void listsDemoLoginsMarkedAsDemo() {
        String table = Table.render(List.of(), c -> "UP",
                List.of(new Login("acme-admin", "acme-admin-demo", "operator-admin", "acme"),
                        new Login("platform-admin", "platform-admin-demo", "platform-admin", "")));
        assertTrue(table.contains("acme-admin      acme-admin-demo      operator-admin  acme"), table);
        assertTrue(table.contains("platform-admin  platform-admin-demo  platform-admin  (all)"), table);
        assertTrue(table.contains("Demo values only"), table);
    }
}
