package io.chargeplane.bridge.core.bus;

import io.chargeplane.model.id.AdapterInstanceId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Optional;

/** Resolves this instance's id: the configured one, or host name plus a random suffix. */
public final class InstanceIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private InstanceIds() {
    }

    public static AdapterInstanceId resolve(Optional<String> configured) {
        return configured.filter(id -> !id.isBlank()).map(AdapterInstanceId::of)
                .orElseGet(() -> AdapterInstanceId.of(withSuffix(hostName())));
    }

    /**
     * The suffix matters: a restarted pod keeps its host name, and reusing the MQTT client id would take over
     * (and then lose) the session whose last will should be announcing the old process's death.
     */
    static String withSuffix(String host) {
        String safe = host.replaceAll("[^A-Za-z0-9._:-]", "-");
        if (safe.isEmpty()) {
            safe = "bridge";
        }
        if (safe.length() > 100) {
            safe = safe.substring(0, 100);
        }
        StringBuilder id = new StringBuilder(safe).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "bridge";
        }
    }
}
