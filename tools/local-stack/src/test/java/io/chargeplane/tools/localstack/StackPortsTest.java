package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void defaultsAreTheDocumentedFixedPorts() {
        StackPorts ports = StackPorts.defaultPorts();
        assertEquals(15432, ports.get("postgres"));
        assertEquals(19092, ports.get("kafka"));
        assertEquals(11883, ports.get("mqtt"));
        assertEquals(16379, ports.get("redis"));
        assertEquals(18080, ports.get("keycloak"));
        assertEquals(18081, ports.get("device-service"));
        assertEquals(18090, ports.get("bridge"));
        assertEquals(8180, ports.get("ocpp"));
        assertTrue(ports.duplicates().isEmpty());
    }

    @Test
    void overrideReplacesOnlyTheNamedPort() {
        StackPorts ports = StackPorts.withOverrides(List.of("postgres=25432", "ocpp = 9180"));
        assertEquals(25432, ports.get("postgres"));
        assertEquals(9180, ports.get("ocpp"));
        assertEquals(19092, ports.get("kafka"));
    }

    @Test
    void refusesUnknownNamesAndBadNumbers() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> StackPorts.withOverrides(List.of("pg=1")));
        assertTrue(unknown.getMessage().contains("postgres"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StackPorts.withOverrides(List.of("redis=abc")));
        assertThrows(IllegalArgumentException.class, () -> StackPorts.withOverrides(List.of("redis=70000")));
        assertThrows(IllegalArgumentException.class, () -> StackPorts.withOverrides(List.of("redis")));
    }

    @Test
    void reportsTwoComponentsOnOnePort() {
        StackPorts ports = StackPorts.withOverrides(List.of("redis=15432"));
        assertEquals(List.of("postgres and redis both use 15432"), ports.duplicates());
    }

    @Test
    void namesTheTakenPortAndHowToChooseAnother() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int taken = holder.getLocalPort();
            StackPorts ports = StackPorts.withOverrides(List.of("redis=" + taken));
            List<String> problems = ports.taken(List.of("redis"));
            assertEquals(List.of("port " + taken + " (redis) is taken; free it or choose another with --port redis=N"),
                    problems);
        }
    }
}
