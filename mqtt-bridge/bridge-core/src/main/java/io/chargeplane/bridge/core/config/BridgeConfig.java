package io.chargeplane.bridge.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the bridge can be told, under {@code chargeplane.bridge.*}; every key has a usable default. */
@ConfigMapping(prefix = "chargeplane.bridge")
public interface BridgeConfig {

    /**
     * What this instance does: {@code adapter} (terminate device protocols, see {@link #protocols()}),
     * {@code pump} (move device events from the bus into Kafka, {@code chargeplane.bridge.pump.*}), or both.
     * One image serves every role; an unknown role stops startup.
     */
    @WithDefault("adapter")
    List<String> roles();

    /** Which {@code ProtocolAdapter} beans this instance runs, by name; an unknown name stops startup. */
    @WithDefault("ocpp")
    List<String> protocols();

    /**
     * This instance's id on the bus (MQTT client id, adapter presence topic, CloudEvents {@code adapter}).
     * Default: the host name plus a random suffix, so a restarted pod never inherits a dead session.
     */
    Optional<String> instanceId();

    /**
     * How long a disconnected device's command subscription is kept in case it reconnects to this instance,
     * sparing the broker an unsubscribe and a subscribe per reconnect; 0 ends it with the connection.
     */
    @WithDefault("30s")
    Duration subscriptionLinger();

    Mqtt mqtt();

    Request request();

    Commands commands();

    Credentials credentials();

    Reaper reaper();

    interface Mqtt {
        @WithDefault("localhost")
        String host();

        @WithDefault("1883")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** TLS to the broker with the JVM's default trust store. */
        @WithDefault("false")
        boolean tls();

        @WithDefault("30s")
        Duration keepAlive();

        /** First reconnect delay after the bus dropped; doubles up to {@link #reconnectMaxDelay()}. */
        @WithDefault("1s")
        Duration reconnectInitialDelay();

        @WithDefault("30s")
        Duration reconnectMaxDelay();

        /**
         * How many publishes may wait unacknowledged while the bus is down. Beyond it a publish fails at once
         * with {@code BusUnavailableException}, so a long outage costs bounded memory and adapters learn
         * about it instead of piling up work.
         */
        @WithDefault("10000")
        int outageBuffer();
    }

    interface Request {
        /** How long a device request waits for the platform's reply before the offline policy answers. */
        @WithDefault("5s")
        Duration timeout();

        /** {@code accept}, {@code reject} or {@code accept-known} (tokens seen accepted recently). */
        @WithDefault("accept-known")
        String offlinePolicy();

        /** For {@code accept-known}: how long a token seen accepted stays known. */
        @WithDefault("24h")
        Duration knownTokenTtl();

        /** For {@code accept-known}: most tokens remembered; the oldest are forgotten first. */
        @WithDefault("100000")
        int knownTokenCapacity();
    }

    interface Commands {
        /** A command repeated with the same idempotency key within this window gets the first result. */
        @WithDefault("10m")
        Duration dedupWindow();

        /** Most commands remembered for de-duplication; the oldest are forgotten first. */
        @WithDefault("100000")
        int dedupCapacity();
    }

    interface Credentials {
        /**
         * Which store decides about connecting stations: {@code file} (core's {@code FileCredentialStore},
         * {@link #file()}) or {@code keycloak} (the device clients in Keycloak, settings under
         * {@code chargeplane.bridge.credentials.keycloak.*}; needs the {@code credentials-keycloak} module, which
         * the bridge application carries). An unknown value stops startup.
         */
        @WithDefault("file")
        String source();

        /**
         * A properties file of stations: {@code <stationId>.tenant}, {@code .device} (default: the station
         * id), {@code .password-hash} ({@code pbkdf2-sha256$...}), {@code .security-profile} (default 1),
         * {@code .enabled} (default true). Without it no station is known.
         */
        Optional<Path> file();
    }

    interface Reaper {
        /**
         * With the {@code pump} role: watch adapter presence and, when an instance goes offline (last will or
         * graceful), mark every device it still held offline and publish their {@code disconnected} events.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
