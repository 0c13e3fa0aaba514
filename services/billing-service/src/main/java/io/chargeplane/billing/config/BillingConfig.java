package io.chargeplane.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of the billing service ({@code chargeplane.billing.*}); Helm values map onto the same keys. */
@ConfigMapping(prefix = "chargeplane.billing")
public interface BillingConfig {

    /** The wallet currency when a request names none (ISO 4217). */
    @WithDefault("CNY")
    String defaultCurrency();

    /** How lists are paged. */
    Paging paging();

    /** Limits of a single top-up, in minor units. */
    TopUp topUp();

    /** The built-in sandbox payment channel. */
    Sandbox sandbox();

    /** The relay that publishes rated sessions from the outbox table. */
    Outbox outbox();

    interface Outbox {
        /** Whether this instance relays (every instance may: batches are locked with skip locked). */
        @WithDefault("true")
        boolean enabled();

        /** Pause when the outbox is empty. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Pause after a failed batch (Kafka or the database away) before the batch is tried again. */
        @WithDefault("1s")
        Duration retryDelay();

        /** Records per batch. */
        @WithDefault("200")
        int batchSize();
    }

    interface Paging {
        /** Page size when a request names none. */
        @WithDefault("20")
        int defaultSize();

        /** Largest page a request may ask for. */
        @WithDefault("100")
        int maxSize();
    }

    interface TopUp {
        /** Smallest top-up. */
        @WithDefault("100")
        long minMinor();

        /** Largest top-up. */
        @WithDefault("1000000")
        long maxMinor();
    }

    interface Sandbox {
        /** Whether the sandbox channel is offered; switch it off in production. */
        @WithDefault("true")
        boolean enabled();

        /** HMAC-SHA256 key of callback signatures, at least 16 characters. */
        String secret();

        /**
         * Where the sandbox sends notifications; by default this instance's own
         * {@code /api/v1/payments/callbacks/sandbox} on the HTTP port it listens on.
         */
        Optional<URI> callbackUrl();

        /** Time from creating a payment to its completion and notification. */
        @WithDefault("2s")
        Duration notifyDelay();

        /** Delivery attempts per notification while the callback does not answer 2xx (backoff doubles). */
        @WithDefault("5")
        int maxAttempts();

        /** Oldest signature timestamp a callback may carry. */
        @WithDefault("5m")
        Duration signatureMaxAge();
    }
}
