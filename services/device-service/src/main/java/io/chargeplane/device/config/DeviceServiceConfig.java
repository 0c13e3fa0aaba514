package io.chargeplane.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Settings of the device service ({@code chargeplane.device.*}); Helm values map onto the same keys. */
@ConfigMapping(prefix = "chargeplane.device")
public interface DeviceServiceConfig {

    /** How lists are paged. */
    Paging paging();

    /** The live status view fed from Kafka. */
    Status status();

    /** The capability API. */
    Commands commands();

    /** This instance's MQTT 5 connection to the device bus. */
    Bus mqtt();

    /** Device identities in Keycloak, managed through its admin API. */
    Identity identity();

    interface Paging {

        /** Page size when a request names none. */
        @WithDefault("20")
        int defaultSize();

        /** Largest page a request may ask for; larger sizes are refused with a problem naming {@code size}. */
        @WithDefault("100")
        int maxSize();
    }

    interface Status {

        /**
         * How long a processed event id is remembered, so that a re-delivered event is skipped without touching
         * the view or the history. Applying an event is idempotent on its own; this only saves the work.
         */
        @WithDefault("P7D")
        Duration processedEventRetention();

        /** How long an adapter's death is remembered, to ignore older {@code connected} events through it. */
        @WithDefault("P7D")
        Duration deadAdapterRetention();

        /** Interval of SSE comments that keep idle status streams open through proxies. */
        @WithDefault("15s")
        Duration streamKeepAlive();
    }

    interface Commands {

        /** How long a command request waits for the device's result before answering 202 with a command to poll. */
        @WithName("wait")
        @WithDefault("5s")
        Duration waitForResult();

        /** The deadline a command carries: after it the adapter drops the command instead of executing it. */
        @WithDefault("30s")
        Duration deadline();
    }

    interface Bus {

        @WithDefault("localhost")
        String host();

        @WithDefault("1883")
        int port();

        @WithDefault("false")
        boolean tls();

        Optional<String> username();

        Optional<String> password();

        /**
         * This instance's id on the bus: its MQTT client id and its command response topic. Defaults to a random
         * id per start; a pod sets its name.
         */
        Optional<String> instanceId();
    }

    interface Identity {

        /**
         * Base URL of Keycloak (the part before {@code /admin} and {@code /realms}). Defaults to the OIDC server
         * URL ({@code quarkus.oidc.auth-server-url}) without its {@code /realms/<realm>} tail.
         */
        Optional<String> adminUrl();

        /** Realm that holds the device clients. Defaults to the realm of the OIDC server URL. */
        Optional<String> realm();

        /** This service's own client, whose service account holds manage-clients, view-clients and query-clients. */
        @WithDefault("device-service")
        String clientId();

        /** Secret of {@link #clientId()}; defaults to {@code quarkus.oidc.credentials.secret}. */
        Optional<String> clientSecret();

        /** How long one admin API call may take before the request is answered 503. */
        @WithDefault("5s")
        Duration timeout();

        /** The admin token is renewed this long before it expires. */
        @WithDefault("30s")
        Duration tokenRenewBefore();

        /** Whether the registry and the device clients are compared (and repaired toward less access) at all. */
        @WithDefault("true")
        boolean reconcile();

        /** Interval of the comparison; the first runs shortly after start. */
        @WithDefault("1h")
        Duration reconcileEvery();

        /** A client without a device row is deleted only once it is this old: younger ones may be registrations in flight. */
        @WithDefault("10m")
        Duration orphanGrace();
    }
}
