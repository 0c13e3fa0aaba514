package io.chargeplane.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long idempotency keys are remembered ({@code chargeplane.platform.idempotency.*}). */
@ConfigMapping(prefix = "chargeplane.platform.idempotency")
public interface IdempotencyConfig {

    /** How long a finished request's answer is replayed for repeats of its key. */
    @WithDefault("PT24H")
    Duration retention();

    /** How long a key stays claimed by a request that never finished (a crashed instance). */
    @WithDefault("PT60S")
    Duration inProgressTimeout();
}
