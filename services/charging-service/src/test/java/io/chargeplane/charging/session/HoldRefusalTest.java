package io.chargeplane.charging.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.charging.billing.BillingClient;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

class HoldRefusalTest {

    @Test
    void anEmptyWalletIsTheDriversInsufficientFundsProblem() {
        ProblemException problem = SessionService.refusal(
                new BillingClient.HoldRefused("insufficient_funds", "available 0 CNY, needed 50.00 CNY")).orElseThrow();
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, problem.errorCode());
        assertEquals(422, problem.errorCode().httpStatus());
        assertTrue(problem.getMessage().contains("available 0 CNY"), problem.getMessage());
    }

    @Test
    void otherRefusalsAnswerTheFailedSession() {
        assertTrue(SessionService.refusal(new BillingClient.HoldRefused("conflict", "hold exists")).isEmpty());
    }
}
