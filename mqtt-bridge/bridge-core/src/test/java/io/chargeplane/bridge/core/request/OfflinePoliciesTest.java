package io.chargeplane.bridge.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.unit.Energy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OfflinePoliciesTest {

    private static final DeviceAddress ACME_CP1 = DeviceAddress.of("acme", "CP1");
    private static final DeviceAddress OTHER_CP1 = DeviceAddress.of("other", "CP1");
    private static final IdToken CARD = IdToken.rfid("04A1B2C3");

    private final AtomicLong now = new AtomicLong();

    private OfflinePolicy policy(String name) {
        return OfflinePolicies.named(name, Duration.ofHours(24), 2, now::get);
    }

    private static AuthorizationStatus verdict(OfflinePolicy policy, DeviceAddress address, IdToken token) {
        DeviceReply reply = policy.answer(address, AuthorizeRequest.of(token)).orElseThrow();
        return ((AuthorizeReply) reply).status();
    }

    private static StartTransactionRequest startWith(IdToken token) {
        return new StartTransactionRequest(EvseId.of(1), ConnectorId.of(1), token, Energy.ofMilliwattHours(0), Instant.now());
    }

    @Test
    void acceptLetsEveryTokenCharge() {
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(policy("accept"), ACME_CP1, CARD));
    }

    @Test
    void rejectAnswersUnknownForEveryToken() {
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(policy("reject"), ACME_CP1, CARD));
    }

    @Test
    void acceptKnownAcceptsOnlyTokensThePlatformAcceptedForTheSameTenant() {
        OfflinePolicy policy = policy("accept-known");
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(policy, ACME_CP1, CARD));

        policy.observe(ACME_CP1, AuthorizeRequest.of(CARD), AuthorizeReply.of(AuthorizationStatus.ACCEPTED));

        assertEquals(AuthorizationStatus.ACCEPTED, verdict(policy, DeviceAddress.of("acme", "CP2"), CARD));
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(policy, OTHER_CP1, CARD));
    }

    @Test
    void acceptKnownForgetsATokenThePlatformLaterRefused() {
        OfflinePolicy policy = policy("accept-known");
        policy.observe(ACME_CP1, AuthorizeRequest.of(CARD), AuthorizeReply.of(AuthorizationStatus.ACCEPTED));
        policy.observe(ACME_CP1, AuthorizeRequest.of(CARD), AuthorizeReply.of(AuthorizationStatus.BLOCKED));

        assertEquals(AuthorizationStatus.UNKNOWN, verdict(policy, ACME_CP1, CARD));
    }

    @Test
    void acceptKnownForgetsTokensAfterTheirTtl() {
        OfflinePolicy policy = policy("accept-known");
        policy.observe(ACME_CP1, AuthorizeRequest.of(CARD), AuthorizeReply.of(AuthorizationStatus.ACCEPTED));

        now.addAndGet(Duration.ofHours(24).toNanos() - 1);
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(policy, ACME_CP1, CARD));
        now.addAndGet(1);
        assertEquals(AuthorizationStatus.UNKNOWN, verdict(policy, ACME_CP1, CARD));
    }

    @Test
    void acceptKnownLearnsFromStartTransactionRepliesAndKeepsOnlyTheNewestBeyondCapacity() {
        OfflinePolicy policy = policy("accept-known");
        IdToken second = IdToken.rfid("B2");
        IdToken third = IdToken.rfid("C3");
        AuthorizeReply accepted = AuthorizeReply.of(AuthorizationStatus.ACCEPTED);
        policy.observe(ACME_CP1, startWith(CARD), new StartTransactionReply(7, accepted));
        policy.observe(ACME_CP1, AuthorizeRequest.of(second), accepted);
        policy.observe(ACME_CP1, AuthorizeRequest.of(third), accepted);

        assertEquals(AuthorizationStatus.UNKNOWN, verdict(policy, ACME_CP1, CARD));
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(policy, ACME_CP1, second));
        assertEquals(AuthorizationStatus.ACCEPTED, verdict(policy, ACME_CP1, third));
    }

    @Test
    void noPolicyInventsATransactionId() {
        for (String name : new String[] {"accept", "reject", "accept-known"}) {
            assertTrue(policy(name).answer(ACME_CP1, startWith(CARD)).isEmpty(), name);
        }
    }

    @Test
    void unknownPolicyNameIsRefusedWithTheKnownNames() {
        var error = assertThrows(IllegalArgumentException.class, () -> policy("maybe"));
        assertTrue(error.getMessage().contains("accept-known"), error.getMessage());
    }
}
