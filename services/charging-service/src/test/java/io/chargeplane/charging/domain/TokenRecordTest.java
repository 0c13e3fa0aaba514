package io.chargeplane.charging.domain;

import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.AuthorizeReply;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TokenRecordTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static TokenRecord card(Instant expiresAt, boolean blocked) {
        return new TokenRecord(TenantId.of("acme"), "04A1B2C3", IdTokenType.RFID, "driver-1", "fleet-7", expiresAt,
                blocked, NOW, NOW, 1);
    }

    @Test
    void unknownTokenIsInvalid() {
        assertEquals(AuthorizationStatus.INVALID, TokenRecord.replyFor(null, NOW).status());
    }

    @Test
    void validTokenIsAcceptedWithItsGroupAndExpiry() {
        AuthorizeReply reply = TokenRecord.replyFor(card(NOW.plusSeconds(60), false), NOW);
        assertEquals(AuthorizationStatus.ACCEPTED, reply.status());
        assertEquals(NOW.plusSeconds(60), reply.expiresAt());
        assertEquals("fleet-7", reply.groupId());
    }

    @Test
    void tokenIsExpiredFromItsExpiryInstantOn() {
        assertEquals(AuthorizationStatus.EXPIRED, TokenRecord.replyFor(card(NOW, false), NOW).status());
        assertNull(TokenRecord.replyFor(card(NOW, false), NOW).expiresAt());
    }

    @Test
    void blockedWinsOverExpired() {
        assertEquals(AuthorizationStatus.BLOCKED, TokenRecord.replyFor(card(NOW.minusSeconds(1), true), NOW).status());
    }
}
