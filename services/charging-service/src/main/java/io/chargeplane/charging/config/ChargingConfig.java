package io.chargeplane.charging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything charging-service can be told, under {@code chargeplane.charging.*}; see the module README. */
@ConfigMapping(prefix = "chargeplane.charging")
public interface ChargingConfig {

    Mqtt mqtt();

    Oidc oidc();

    Remote deviceService();

    Remote billingService();

    Holds holds();

    Timeouts timeouts();

    Outbox outbox();

    Paging paging();

    /** How often (at most) a running session's cost so far is re-quoted from billing. */
    @WithDefault("30s")
    Duration quoteEvery();

    interface Mqtt {
        @WithDefault("localhost")
        String host();

        @WithDefault("1883")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** The shared-subscription group every replica joins, so each device request reaches one of them. */
        @WithDefault("charging-service")
        String shareGroup();
    }

    interface Oidc {
        /** The realm's token endpoint, for client-credentials tokens to call other services. */
        String tokenUrl();

        @WithDefault("charging-service")
        String clientId();

        @WithDefault("charging-service-demo-secret")
        String clientSecret();
    }

    interface Remote {
        String url();

        /** Upper bound of one call; a slower answer counts as the service being unavailable. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Holds {
        /** The pre-authorisation held for a session without an amount limit, in minor units. */
        @WithDefault("5000")
        long defaultAmount();

        @WithDefault("CNY")
        String currency();

        /** Per-tenant override of {@link #defaultAmount()}: {@code chargeplane.charging.holds.tenants.acme=8000}. */
        Map<String, Long> tenants();
    }

    interface Timeouts {
        /** A STARTING session with no news for this long fails and its hold is released. */
        @WithDefault("2m")
        Duration starting();

        /** An ACTIVE or STOPPING session with no device event for this long completes with TIMEOUT. */
        @WithDefault("6h")
        Duration silent();

        @WithDefault("30s")
        Duration checkEvery();
    }

    interface Outbox {
        @WithDefault("500ms")
        Duration pollEvery();

        @WithDefault("200")
        int batchSize();
    }

    interface Paging {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("100")
        int maxSize();
    }
}
