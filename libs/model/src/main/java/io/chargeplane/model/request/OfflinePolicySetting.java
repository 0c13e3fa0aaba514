package io.chargeplane.model.request;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.Require;

import java.time.Duration;
import java.util.Set;

/**
 * How a tenant's adapters answer device requests the platform did not answer in time (or while the bus is down):
 * {@code accept} every identification, {@code reject} every one, or {@code accept-known}: accept tokens the
 * platform accepted for the tenant within {@code knownTokenTtl}. Published retained on
 * {@link io.chargeplane.model.topic.Topics#offlinePolicy}; an adapter without one uses its configured default.
 */
public record OfflinePolicySetting(String policy, Duration knownTokenTtl) {

    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";
    public static final String ACCEPT_KNOWN = "accept-known";
    public static final Set<String> POLICIES = Set.of(ACCEPT, REJECT, ACCEPT_KNOWN);

    public OfflinePolicySetting {
        Require.present(policy, "policy");
        if (!POLICIES.contains(policy)) {
            throw new ModelValidationException("policy", "must be one of accept, reject, accept-known");
        }
        Require.present(knownTokenTtl, "knownTokenTtl");
        Require.that(!knownTokenTtl.isNegative() && !knownTokenTtl.isZero(), "knownTokenTtl", "must be positive");
    }
}
