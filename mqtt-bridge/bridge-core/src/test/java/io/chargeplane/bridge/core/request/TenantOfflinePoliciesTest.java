package io.chargeplane.bridge.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantOfflinePoliciesTest {

    private static final DeviceAddress ACME = DeviceAddress.of("acme", "CP1");
    private static final DeviceAddress VOLT = DeviceAddress.of("volt", "CP1");
    private static final IdToken CARD = IdToken.rfid("04A1B2C3");

    private final AtomicLong now = new AtomicLong();
    private final TenantOfflinePolicies policies = new TenantOfflinePolicies(
            OfflinePolicies.named(OfflinePolicies.REJECT, Duration.ofHours(1), 10, now::get), 10, now::get);

    private static byte[] json(String policy, String ttl) {
        return ("{\"policy\":\"" + policy + "\",\"knownTokenTtl\":\"" + ttl + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private AuthorizationStatus verdict(DeviceAddress address) {
        return ((AuthorizeReply) policies.answer(address, AuthorizeRequest.of(CARD)).orElseThrow()).status();
    }

    @Test
    void tenantsWithoutTheirOwnPolicyGetTheDefault() {
        assertTrue(policies.onMessage(Topics.offlinePolicy(TenantId.of("acme")), json("accept", "PT1H")));
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(ACME));
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(VOLT));
    }

    @Test
    void repeatingTheSameSettingKeepsTheTokensAcceptKnownHasSeen() {
        String topic = Topics.offlinePolicy(TenantId.of("acme"));
        policies.onMessage(topic, json("accept-known", "PT1H"));
        policies.observe(ACME, AuthorizeRequest.of(CARD), AuthorizeReply.of(AuthorizationStatus.ACCEPTED));
        assertFalse(policies.onMessage(topic, json("accept-known", "PT1H")), "a retained repeat changes nothing");
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(ACME));
        assertTrue(policies.onMessage(topic, json("accept-known", "PT2H")));
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(ACME), "a new setting starts with no known tokens");
    }

    @Test
    void emptyMessageRemovesTheTenantsPolicyAndGarbageIsIgnored() {
        String topic = Topics.offlinePolicy(TenantId.of("acme"));
        policies.onMessage(topic, json("accept", "PT1H"));
        assertFalse(policies.onMessage(topic, "{".getBytes(StandardCharsets.UTF_8)));
        assertFalse(policies.onMessage(topic, json("sometimes", "PT1H")));
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(ACME));
        assertFalse(policies.onMessage("chargeplane/v1/_policies/acme/other", json("reject", "PT1H")));
        assertTrue(policies.onMessage(topic, new byte[0]));
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(ACME));
    }

    @Test
    void policyTopicsAreRecognisedBeforeDeviceTopicParsing() {
        assertTrue(TenantOfflinePolicies.isPolicyTopic(Topics.offlinePolicy(TenantId.of("acme"))));
        assertFalse(TenantOfflinePolicies.isPolicyTopic(Topics.devicePresence(TenantId.of("acme"),
                io.chargeplane.model.id.DeviceId.of("CP1"))));
    }
}
