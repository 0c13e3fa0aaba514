package io.chargeplane.model.topic;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.OfflinePolicySetting;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflinePolicyTopicTest {

    @Test
    void tenantPolicyTopicIsUnderThePlatformLevelPoliciesRoot() {
        String topic = Topics.offlinePolicy(TenantId.of("acme"));
        assertEquals("chargeplane/v1/_policies/acme/offline-policy", topic);
        assertTrue(Topics.matches(Topics.allOfflinePolicies(), topic));
        assertEquals(TenantId.of("acme"), Topics.offlinePolicyTenant(topic));
    }

    @Test
    void policyTopicsNeverMatchDeviceSubscriptions() {
        String topic = Topics.offlinePolicy(TenantId.of("acme"));
        assertFalse(Topics.matches(Topics.allEvents(), topic));
        assertFalse(Topics.matches(Topics.allDevicePresence(), topic));
        assertFalse(Topics.matches(Topics.allRequests(), topic));
    }

    @Test
    void otherTopicsAreNotReadAsPolicies() {
        assertThrows(ModelValidationException.class, () -> Topics.offlinePolicyTenant("chargeplane/v1/acme/CP-1/presence"));
        assertThrows(ModelValidationException.class, () -> Topics.offlinePolicyTenant("chargeplane/v1/_policies/acme/other"));
    }

    @Test
    void settingRoundTripsAsJsonAndRefusesUnknownPolicies() {
        OfflinePolicySetting setting = new OfflinePolicySetting("accept-known", Duration.ofHours(2));
        byte[] json = CanonicalCodec.defaultCodec().writeJson(setting);
        assertEquals(setting, CanonicalCodec.defaultCodec().readJson(json, OfflinePolicySetting.class));
        assertThrows(ModelValidationException.class, () -> new OfflinePolicySetting("maybe", Duration.ofHours(1)));
        assertThrows(ModelValidationException.class, () -> new OfflinePolicySetting("accept", Duration.ZERO));
    }
}
