package io.chargeplane.bridge.core.request;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.OfflinePolicySetting;
import io.chargeplane.model.topic.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The offline policy per tenant: each tenant's own when charging-service has published one (retained on
 * {@code chargeplane/v1/_policies/{tenant}/offline-policy}), the configured default otherwise. A policy message that
 * repeats the tenant's current setting keeps its state (the tokens {@code accept-known} has seen); an empty
 * retained message removes the tenant's policy; an unreadable one is ignored and the previous policy stays.
 */
public final class TenantOfflinePolicies implements OfflinePolicy {

    private static final Logger LOG = Logger.getLogger(TenantOfflinePolicies.class);

    private record Chosen(OfflinePolicySetting setting, OfflinePolicy policy) {
    }

    private final OfflinePolicy fallback;
    private final int knownTokenCapacity;
    private final LongSupplier nanoClock;
    private final Map<TenantId, Chosen> tenants = new ConcurrentHashMap<>();

    public TenantOfflinePolicies(OfflinePolicy fallback, int knownTokenCapacity, LongSupplier nanoClock) {
        this.fallback = fallback;
        this.knownTokenCapacity = knownTokenCapacity;
        this.nanoClock = nanoClock;
    }

    /** The subscription filter that brings every tenant's policy. */
    public static String subscription() {
        return Topics.allOfflinePolicies();
    }

    /** Whether a topic is a policy topic this class handles (so a dispatcher need not parse it as a device topic). */
    public static boolean isPolicyTopic(String topic) {
        return topic.startsWith(Topics.ROOT + "/" + Topics.POLICIES + "/");
    }

    /** Applies a (retained) policy message; answers whether it changed anything. */
    public boolean onMessage(String topic, byte[] payload) {
        TenantId tenant;
        try {
            tenant = Topics.offlinePolicyTenant(topic);
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring policy message on %s: %s", topic, e.getMessage());
            return false;
        }
        if (payload == null || payload.length == 0) {
            return tenants.remove(tenant) != null;
        }
        OfflinePolicySetting setting;
        try {
            setting = CanonicalCodec.defaultCodec().readJson(payload, OfflinePolicySetting.class);
        } catch (RuntimeException e) {
            LOG.warnf("Unreadable offline policy of tenant %s ignored: %s", tenant, e.getMessage());
            return false;
        }
        Chosen current = tenants.get(tenant);
        if (current != null && current.setting().equals(setting)) {
            return false;
        }
        tenants.put(tenant, new Chosen(setting, OfflinePolicies.named(setting.policy(), setting.knownTokenTtl(),
                knownTokenCapacity, nanoClock)));
        return true;
    }

    /** The policy that answers for a tenant now. */
    public OfflinePolicy policyFor(TenantId tenant) {
        Chosen chosen = tenants.get(tenant);
        return chosen == null ? fallback : chosen.policy();
    }

    @Override
    public Optional<DeviceReply> answer(DeviceAddress address, DeviceRequest request) {
        return policyFor(address.tenant()).answer(address, request);
    }

    @Override
    public void observe(DeviceAddress address, DeviceRequest request, DeviceReply reply) {
        // The default learns too, so a tenant whose own policy is withdrawn falls back to a warm default.
        OfflinePolicy own = policyFor(address.tenant());
        own.observe(address, request, reply);
        if (own != fallback) {
            fallback.observe(address, request, reply);
        }
    }

    @Override
    public String name() {
        return "per-tenant (default " + fallback.name() + ")";
    }
}
