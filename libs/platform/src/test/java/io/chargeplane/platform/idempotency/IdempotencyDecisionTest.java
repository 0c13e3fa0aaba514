package io.chargeplane.platform.idempotency;

import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyDecisionTest {

    private static final StoredResponse CREATED = new StoredResponse(201, "application/json", "{\"id\":1}", "/x/1");

    @Test
    void freeKeyProceeds() {
        assertInstanceOf(IdempotencyDecision.Proceed.class, IdempotencyDecision.decide(null, "f1"));
    }

    @Test
    void finishedSameRequestReplaysTheFirstAnswer() {
        IdempotencyDecision decision = IdempotencyDecision.decide(new IdempotencyRecord("f1", CREATED), "f1");
        assertEquals(CREATED, assertInstanceOf(IdempotencyDecision.Replay.class, decision).response());
    }

    @Test
    void runningSameRequestIsReportedInProgress() {
        assertInstanceOf(IdempotencyDecision.InProgress.class,
                IdempotencyDecision.decide(IdempotencyRecord.inProgress("f1"), "f1"));
    }

    @Test
    void otherBodyUnderAUsedKeyIsAMismatchWhetherFinishedOrNot() {
        assertInstanceOf(IdempotencyDecision.Mismatch.class,
                IdempotencyDecision.decide(new IdempotencyRecord("f1", CREATED), "f2"));
        assertInstanceOf(IdempotencyDecision.Mismatch.class,
                IdempotencyDecision.decide(IdempotencyRecord.inProgress("f1"), "f2"));
    }

    @Test
    void missingAndOverlongKeysAreRefusedWithTheirOwnCodes() {
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_MISSING,
                assertThrows(ProblemException.class, () -> IdempotentRequests.parseKey(" ")).errorCode());
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_INVALID,
                assertThrows(ProblemException.class, () -> IdempotentRequests.parseKey("k".repeat(500))).errorCode());
        assertEquals("abc", IdempotentRequests.parseKey(" abc ").value());
    }
}
