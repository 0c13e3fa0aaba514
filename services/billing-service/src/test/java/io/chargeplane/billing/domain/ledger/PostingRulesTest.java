package io.chargeplane.billing.domain.ledger;

import io.chargeplane.model.unit.Money;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostingRulesTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final AccountRef AVAILABLE = AccountRef.available("alice", CNY);
    private static final AccountRef HELD = AccountRef.held("alice", CNY);
    private static final AccountRef REVENUE = AccountRef.tenant(AccountType.REVENUE, CNY);

    private static Money cny(long minor) {
        return Money.ofMinor(minor, CNY);
    }

    @Test
    void refusesAnUnbalancedPosting() {
        assertThrows(Posting.UnbalancedPostingException.class, () -> new Posting("x:1", PostingKind.ADJUSTMENT, CNY, 1,
                List.of(Entry.debit(AVAILABLE, 100), Entry.credit(REVENUE, 99))));
    }

    @Test
    void refusesEntriesThatMoveNothing() {
        assertThrows(IllegalArgumentException.class, () -> Entry.debit(AVAILABLE, 0));
    }

    @Test
    void holdWithoutFundsIsRefusedAndAppliesNothing() {
        Ledger ledger = new Ledger();
        ledger.post(Postings.topUp("p1", "alice", cny(1_000)));
        InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                () -> ledger.post(Postings.hold("s1", "alice", cny(1_001))));
        assertEquals(1, e.shortBy());
        assertEquals(1_000, ledger.balance(AVAILABLE));
        assertEquals(0, ledger.balance(HELD));
        assertTrue(ledger.posting("hold:s1").isEmpty());
    }

    @Test
    void creditLimitLetsAHoldTakeTheWalletBelowZero() {
        Ledger ledger = new Ledger();
        ledger.setCreditLimit("alice", CNY, 500);
        ledger.post(Postings.hold("s1", "alice", cny(500)));
        assertEquals(-500, ledger.balance(AVAILABLE));
        assertThrows(InsufficientFundsException.class, () -> ledger.post(Postings.hold("s2", "alice", cny(1))));
    }

    @Test
    void captureTakesTheChargeAndReleasesTheRestOfTheHold() {
        Ledger ledger = new Ledger();
        ledger.post(Postings.topUp("p1", "alice", cny(10_000)));
        ledger.post(Postings.hold("s1", "alice", cny(5_000)));
        ledger.post(Postings.capture("s1", "alice", cny(5_000), cny(3_210)));
        assertEquals(6_790, ledger.balance(AVAILABLE));
        assertEquals(0, ledger.balance(HELD));
        assertEquals(3_210, ledger.balance(REVENUE));
        assertEquals(0, ledger.signedSum());
    }

    @Test
    void captureAboveTheHoldTakesTheExcessFromAvailableWithinTheFloor() {
        Ledger ledger = new Ledger();
        ledger.post(Postings.topUp("p1", "alice", cny(6_000)));
        ledger.post(Postings.hold("s1", "alice", cny(5_000)));
        assertThrows(InsufficientFundsException.class,
                () -> ledger.post(Postings.capture("s1", "alice", cny(5_000), cny(6_001))));
        ledger.post(Postings.capture("s1", "alice", cny(5_000), cny(6_000)));
        assertEquals(0, ledger.balance(AVAILABLE));
        assertEquals(6_000, ledger.balance(REVENUE));
    }

    @Test
    void releaseGivesTheWholeHoldBack() {
        Ledger ledger = new Ledger();
        ledger.post(Postings.topUp("p1", "alice", cny(2_000)));
        ledger.post(Postings.hold("s1", "alice", cny(2_000)));
        ledger.post(Postings.release("s1", "alice", cny(2_000)));
        assertEquals(2_000, ledger.balance(AVAILABLE));
        assertEquals(0, ledger.balance(HELD));
    }

    @Test
    void aRepeatedBusinessKeyReturnsTheFirstPostingAndPostsNothing() {
        Ledger ledger = new Ledger();
        Posting first = Postings.topUp("p1", "alice", cny(1_000));
        ledger.post(first);
        Ledger.Outcome repeat = ledger.post(Postings.topUp("p1", "alice", cny(9_999)));
        assertTrue(repeat.replayed());
        assertEquals(first, repeat.posting());
        assertEquals(1_000, ledger.balance(AVAILABLE));
    }

    @Test
    void refundReturnsRevenueToTheWalletThroughTheRefundsAccount() {
        Ledger ledger = new Ledger();
        ledger.post(Postings.refund("s1:1", "alice", cny(300)));
        assertEquals(300, ledger.balance(AVAILABLE));
        assertEquals(300, ledger.balance(AccountRef.tenant(AccountType.REFUNDS, CNY)));
        assertEquals(0, ledger.signedSum());
    }

    @Test
    void negativeAdjustmentAndPayoutNeverUseCreditBeyondTheLimit() {
        Ledger ledger = new Ledger();
        ledger.post(Postings.topUp("p1", "alice", cny(100)));
        assertThrows(InsufficientFundsException.class, () -> ledger.post(Postings.adjustment("a1", "alice", cny(-101))));
        assertThrows(InsufficientFundsException.class, () -> ledger.post(Postings.payout("o1", "alice", cny(101))));
        ledger.post(Postings.adjustment("a2", "alice", cny(-100)));
        assertEquals(0, ledger.balance(AVAILABLE));
    }

    @Test
    void aWalletBelowALoweredLimitCanStillReceiveMoney() {
        Ledger ledger = new Ledger();
        ledger.setCreditLimit("alice", CNY, 1_000);
        ledger.post(Postings.hold("s1", "alice", cny(1_000)));
        ledger.setCreditLimit("alice", CNY, 0);
        ledger.post(Postings.topUp("p1", "alice", cny(10)));
        assertEquals(-990, ledger.balance(AVAILABLE));
    }

    @Test
    void holdStateMovesOnlyFromHeld() {
        assertEquals(HoldState.Transition.APPLY, HoldState.HELD.towards(HoldState.CAPTURED));
        assertEquals(HoldState.Transition.REPEAT, HoldState.CAPTURED.towards(HoldState.CAPTURED));
        assertEquals(HoldState.Transition.REFUSED, HoldState.RELEASED.towards(HoldState.CAPTURED));
        assertEquals(HoldState.Transition.REFUSED, HoldState.CAPTURED.towards(HoldState.RELEASED));
    }
}
