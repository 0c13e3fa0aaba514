package io.chargeplane.billing.domain.charging;

import io.chargeplane.model.unit.Money;

/**
 * How a rated session is paid, decided from the session's hold (if any) and payer before any money moves.
 * Capturing a hold goes through the hold's own posting ({@code capture:<sessionId>}); a session without a hold
 * is charged to the wallet under {@code session:<sessionId>}. Either key is posted once per session, whatever
 * repeats.
 */
public sealed interface ChargePlan {

    /** The hold is open: capture the total, the rest of the hold goes back to available. */
    record CaptureHold(java.util.UUID holdId, String owner, Money total) implements ChargePlan {
    }

    /** No hold: debit the wallet directly, within its credit limit. */
    record DebitWallet(String owner, Money total) implements ChargePlan {
    }

    /** The hold was captured before (by the caller through the hold API): nothing more is posted. */
    record AlreadyCaptured(java.util.UUID holdId, Money captured) implements ChargePlan {
    }

    /** Nothing to charge (zero total and no hold to close). */
    record Nothing() implements ChargePlan {
    }

    /** No wallet to charge: the receipt is recorded for the operator, unassigned. */
    record Unassigned(Money total) implements ChargePlan {
    }

    /** The facts about the session's hold that the plan depends on. */
    record HoldFacts(java.util.UUID id, String owner, String state, long capturedMinor, String currency) {
    }

    /**
     * @param driver the wallet owner from the session; null for a session nobody is known to pay
     * @param hold the session's hold, or null
     */
    static ChargePlan of(String driver, HoldFacts hold, Money total) {
        if (hold != null && hold.state().equals("HELD")) {
            return new CaptureHold(hold.id(), hold.owner(), total);
        }
        if (hold != null && hold.state().equals("CAPTURED")) {
            return new AlreadyCaptured(hold.id(), Money.ofMinor(hold.capturedMinor(), hold.currency()));
        }
        String payer = driver != null ? driver : hold != null ? hold.owner() : null;
        if (payer == null) {
            return new Unassigned(total);
        }
        return total.minorUnits() == 0 ? new Nothing() : new DebitWallet(payer, total);
    }
}
