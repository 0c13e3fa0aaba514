package io.chargeplane.bridge.core.credentials;

import io.chargeplane.bridge.core.spi.CredentialStore;
import io.chargeplane.bridge.core.spi.PasswordHash;
import io.chargeplane.bridge.core.spi.StationCredentials;
import io.chargeplane.bridge.core.spi.StationVerdict;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Station credentials from a properties file, until device-service serves them:
 *
 * <pre>
 * CP-0001.tenant=acme
 * CP-0001.device=CP-0001                 # default: the station id
 * CP-0001.password-hash=pbkdf2-sha256$210000$...$...
 * CP-0001.security-profile=1             # default 1
 * CP-0001.enabled=true                   # default true
 * </pre>
 *
 * <p>Only hashes are accepted: a {@code password} key is refused at load time, so no clear secret can sit
 * in the file. The file is read once at startup and checked completely, so a typo stops the bridge instead
 * of locking one station out later.
 *
 * <p>{@link #verify} runs the PBKDF2 check (deliberately slow) on Mutiny's worker pool, never on the caller's
 * event loop. A disabled station is {@link StationVerdict#DISABLED} whatever the secret; a profile 0 station
 * (closed test networks) is accepted without one.
 */
public final class FileCredentialStore implements CredentialStore {

    private static final String[] KEYS = {"tenant", "device", "password-hash", "security-profile", "enabled"};

    private final Map<String, StationCredentials> stations;

    private FileCredentialStore(Map<String, StationCredentials> stations) {
        this.stations = Map.copyOf(stations);
    }

    public static FileCredentialStore empty() {
        return new FileCredentialStore(Map.of());
    }

    public static FileCredentialStore load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("chargeplane.bridge.credentials.file: cannot read " + file, e);
        }
        return parse(properties, file.toString());
    }

    static FileCredentialStore parse(Properties properties, String origin) {
        TreeSet<String> stationIds = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String field = dot < 0 ? "" : key.substring(dot + 1);
            if (dot <= 0 || !isKnown(field)) {
                throw new IllegalArgumentException(origin + ": unknown key '" + key + "' (expected <station>."
                        + String.join("|", KEYS) + "; passwords are stored as password-hash only)");
            }
            stationIds.add(key.substring(0, dot));
        }
        Map<String, StationCredentials> stations = new TreeMap<>();
        for (String id : stationIds) {
            stations.put(id, station(properties, id, origin));
        }
        return new FileCredentialStore(stations);
    }

    private static StationCredentials station(Properties properties, String id, String origin) {
        try {
            String tenant = properties.getProperty(id + ".tenant");
            if (tenant == null) {
                throw new IllegalArgumentException("tenant is missing");
            }
            String hash = properties.getProperty(id + ".password-hash");
            int profile = Integer.parseInt(properties.getProperty(id + ".security-profile", "1").trim());
            if ((profile == 1 || profile == 2) && hash == null) {
                throw new IllegalArgumentException("password-hash is required for security profile " + profile);
            }
            return new StationCredentials(id, TenantId.of(tenant.trim()),
                    DeviceId.of(properties.getProperty(id + ".device", id).trim()),
                    hash == null ? null : PasswordHash.parse(hash.trim()), profile,
                    Boolean.parseBoolean(properties.getProperty(id + ".enabled", "true").trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(origin + ": station '" + id + "': " + e.getMessage(), e);
        }
    }

    private static boolean isKnown(String field) {
        for (String key : KEYS) {
            if (key.equals(field)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Uni<StationVerdict> verify(String stationId, byte[] secret) {
        StationCredentials station = stationId == null ? null : stations.get(stationId);
        if (station == null) {
            return Uni.createFrom().item(StationVerdict.UNKNOWN);
        }
        if (!station.enabled()) {
            return Uni.createFrom().item(StationVerdict.DISABLED);
        }
        if (station.securityProfile() == 0) {
            return Uni.createFrom().item(StationVerdict.accepted(station));
        }
        if (secret == null) {
            return Uni.createFrom().item(StationVerdict.REFUSED);
        }
        byte[] copy = secret.clone();
        return Uni.createFrom().item(() -> station.verify(copy) ? StationVerdict.accepted(station) : StationVerdict.REFUSED)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The stored entry of a station, or a null item when it is unknown (tools that write the file check it). */
    public Uni<StationCredentials> find(String stationId) {
        return Uni.createFrom().item(stationId == null ? null : stations.get(stationId));
    }

    public int size() {
        return stations.size();
    }
}
