package io.chargeplane.tools.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed loopback ports of the local stack. Defaults sit away from the engines' usual ports, so a locally
 * installed PostgreSQL, Kafka or Keycloak never clashes with the stack; {@code --port name=N} overrides one.
 */
public final class StackPorts {

    /** Name to default port, in start order. */
    public static final Map<String, Integer> DEFAULTS = defaults();

    private final Map<String, Integer> ports;

    private StackPorts(Map<String, Integer> ports) {
        this.ports = Collections.unmodifiableMap(ports);
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("postgres", 15432);
        defaults.put("kafka", 19092);
        defaults.put("kafka-controller", 19093);
        defaults.put("mqtt", 11883);
        defaults.put("redis", 16379);
        defaults.put("keycloak", 18080);
        defaults.put("keycloak-management", 19000);
        defaults.put("device-service", 18081);
        defaults.put("billing-service", 18082);
        defaults.put("charging-service", 18083);
        defaults.put("bridge", 18090);
        defaults.put("ocpp", 8180);
        return Collections.unmodifiableMap(defaults);
    }

    public static StackPorts defaultPorts() {
        return new StackPorts(new LinkedHashMap<>(DEFAULTS));
    }

    /** The defaults with {@code name=port} overrides applied; unknown names and bad numbers are refused. */
    public static StackPorts withOverrides(List<String> overrides) {
        Map<String, Integer> ports = new LinkedHashMap<>(DEFAULTS);
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--port takes name=number, got: " + override);
            }
            String name = override.substring(0, eq).trim();
            if (!ports.containsKey(name)) {
                throw new IllegalArgumentException("Unknown port name '" + name + "'; known: " + String.join(", ", DEFAULTS.keySet()));
            }
            int port;
            try {
                port = Integer.parseInt(override.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a port number in --port " + override);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Port out of range in --port " + override);
            }
            ports.put(name, port);
        }
        return new StackPorts(ports);
    }

    public int get(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("No port named " + name);
        }
        return port;
    }

    public Map<String, Integer> asMap() {
        return ports;
    }

    /** Names of ports given twice, which would make two components fight over one socket. */
    public List<String> duplicates() {
        Map<Integer, String> seen = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        ports.forEach((name, port) -> {
            String other = seen.putIfAbsent(port, name);
            if (other != null) {
                clashes.add(other + " and " + name + " both use " + port);
            }
        });
        return clashes;
    }

    /** One line per port of {@code names} that something already holds on 127.0.0.1. */
    public List<String> taken(List<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            int port = get(name);
            if (!isFree(port)) {
                problems.add("port " + port + " (" + name + ") is taken; free it or choose another with --port " + name + "=N");
            }
        }
        return problems;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Sockets in TIME_WAIT after a stop do not count: only a listener makes a port taken.
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
