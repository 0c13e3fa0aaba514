package io.chargeplane.device.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the identity reconciliation changes, decided from the registry's devices and Keycloak's device clients
 * (a pure function). It repairs only toward less access, because a registry change in flight may legitimately
 * have changed Keycloak before its row:
 * <ul>
 *   <li>a client that is enabled while its device is blocked is disabled; changed attributes are rewritten;</li>
 *   <li>a client without a device row (a registration that crashed between its two steps, or a delete whose last
 *       step failed) is deleted once it is older than the grace period, so a registration in flight is left alone;</li>
 *   <li>a device without a client, or whose client is disabled while the device is enabled, is only reported:
 *       rotating its credentials (or blocking and unblocking it) repairs it.</li>
 * </ul>
 */
public final class Reconciliation {

    /** A device client as Keycloak holds it. */
    public record Client(String keycloakId, String clientId, boolean enabled, Map<String, String> attributes) {
    }

    /** What to do. */
    public sealed interface Action {
    }

    /** Bring the client to the device's state (less access or attributes only). */
    public record Repair(String keycloakId, DeviceIdentities.Desired desired) implements Action {
    }

    /** Delete a client whose device is gone. */
    public record DeleteOrphan(String keycloakId, String clientId) implements Action {
    }

    /** Nothing is changed; an operator is told. */
    public record Report(String identity, String problem) implements Action {
    }

    private Reconciliation() {
    }

    public static List<Action> plan(List<DeviceIdentities.Desired> devices, List<Client> clients, Instant now,
                                    Duration grace) {
        Map<String, Client> byClientId = new HashMap<>();
        for (Client client : clients) {
            if (client.attributes().containsKey(DeviceClients.DEVICE_ATTRIBUTE)) {
                byClientId.put(client.clientId(), client);
            }
        }
        List<Action> actions = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        for (DeviceIdentities.Desired device : devices) {
            String clientId = DeviceClients.clientId(device.identity());
            registered.add(clientId);
            Client client = byClientId.get(clientId);
            if (client == null) {
                actions.add(new Report(device.identity(), "no Keycloak client: rotate its credentials to create one"));
            } else if (client.enabled() && !device.enabled()) {
                actions.add(new Repair(client.keycloakId(), device));
            } else if (!client.enabled() && device.enabled()) {
                actions.add(new Report(device.identity(),
                        "client disabled while the device is enabled: block and unblock it to enable the client"));
            } else if (!attributesMatch(client, device)) {
                actions.add(new Repair(client.keycloakId(), device));
            }
        }
        for (Client client : byClientId.values()) {
            if (!registered.contains(client.clientId()) && abandoned(client, now, grace)) {
                actions.add(new DeleteOrphan(client.keycloakId(), client.clientId()));
            }
        }
        return actions;
    }

    private static boolean attributesMatch(Client client, DeviceIdentities.Desired device) {
        Map<String, String> a = client.attributes();
        return device.tenant().equals(a.get(DeviceClients.TENANT_ATTRIBUTE))
                && device.identity().equals(a.get(DeviceClients.DEVICE_ATTRIBUTE))
                && device.protocol().equals(a.get(DeviceClients.PROTOCOL_ATTRIBUTE));
    }

    /** Older than the grace period; a client without a readable creation time counts as old only when disabled. */
    private static boolean abandoned(Client client, Instant now, Duration grace) {
        String created = client.attributes().get(DeviceClients.CREATED_ATTRIBUTE);
        try {
            return created != null ? Instant.parse(created).plus(grace).isBefore(now) : !client.enabled();
        } catch (java.time.format.DateTimeParseException e) {
            return !client.enabled();
        }
    }
}
