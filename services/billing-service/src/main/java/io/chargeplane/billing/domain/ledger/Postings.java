package io.chargeplane.billing.domain.ledger;

import io.chargeplane.model.unit.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the posting of each wallet operation. Only the shape of the money movement is decided here; whether a
 * wallet may go that low is decided when the posting is applied to current balances ({@link Floors}).
 */
public final class Postings {

    private Postings() {
    }

    /** Money received through a payment channel: cash in clearing, the same amount available to the driver. */
    public static Posting topUp(String paymentId, String owner, Money amount) {
        long a = positive(amount);
        return new Posting(PostingKind.TOP_UP.key(paymentId), PostingKind.TOP_UP, amount.currency(), a, List.of(
                Entry.debit(AccountRef.tenant(AccountType.CLEARING, amount.currency()), a),
                Entry.credit(AccountRef.available(owner, amount.currency()), a)));
    }

    /** Try: reserve {@code amount} for a session, available to held. */
    public static Posting hold(String sessionId, String owner, Money amount) {
        long a = positive(amount);
        return new Posting(PostingKind.HOLD.key(sessionId), PostingKind.HOLD, amount.currency(), a, List.of(
                Entry.debit(AccountRef.available(owner, amount.currency()), a),
                Entry.credit(AccountRef.held(owner, amount.currency()), a)));
    }

    /**
     * Confirm: the session cost {@code charged}. Up to the held amount it comes out of held and the rest of the
     * hold goes back to available; a charge above the hold takes the excess from available (so the credit limit
     * decides whether that is allowed).
     */
    public static Posting capture(String sessionId, String owner, Money held, Money charged) {
        long h = positive(held);
        long c = notNegative(charged);
        sameCurrency(held, charged);
        AccountRef heldAccount = AccountRef.held(owner, held.currency());
        AccountRef available = AccountRef.available(owner, held.currency());
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.debit(heldAccount, h));
        if (c > 0) {
            entries.add(Entry.credit(AccountRef.tenant(AccountType.REVENUE, held.currency()), c));
        }
        if (h > c) {
            entries.add(Entry.credit(available, h - c));
        } else if (c > h) {
            entries.add(Entry.debit(available, c - h));
        }
        return new Posting(PostingKind.CAPTURE.key(sessionId), PostingKind.CAPTURE, held.currency(), c, entries);
    }

    /**
     * A rated session without a hold: the charge goes from the driver's available balance (within the credit limit,
     * checked when applied) to revenue, under {@code session:<sessionId>} so a session is charged at most once.
     */
    public static Posting sessionCharge(String sessionId, String owner, Money charged) {
        long c = positive(charged);
        return new Posting(PostingKind.SESSION.key(sessionId), PostingKind.SESSION, charged.currency(), c, List.of(
                Entry.debit(AccountRef.available(owner, charged.currency()), c),
                Entry.credit(AccountRef.tenant(AccountType.REVENUE, charged.currency()), c)));
    }

    /** Cancel: the whole hold goes back to available. */
    public static Posting release(String sessionId, String owner, Money held) {
        long h = positive(held);
        return new Posting(PostingKind.RELEASE.key(sessionId), PostingKind.RELEASE, held.currency(), h, List.of(
                Entry.debit(AccountRef.held(owner, held.currency()), h),
                Entry.credit(AccountRef.available(owner, held.currency()), h)));
    }

    /** Part or all of a captured charge given back to the driver's wallet. */
    public static Posting refund(String reference, String owner, Money amount) {
        long a = positive(amount);
        return new Posting(PostingKind.REFUND.key(reference), PostingKind.REFUND, amount.currency(), a, List.of(
                Entry.debit(AccountRef.tenant(AccountType.REFUNDS, amount.currency()), a),
                Entry.credit(AccountRef.available(owner, amount.currency()), a)));
    }

    /** An operator's correction: a positive amount credits the wallet, a negative one debits it. */
    public static Posting adjustment(String reference, String owner, Money amount) {
        if (amount.minorUnits() == 0) {
            throw new IllegalArgumentException("amount: an adjustment moves money, it is not zero");
        }
        long a = Math.abs(amount.minorUnits());
        AccountRef wallet = AccountRef.available(owner, amount.currency());
        AccountRef adjustments = AccountRef.tenant(AccountType.ADJUSTMENTS, amount.currency());
        List<Entry> entries = amount.minorUnits() > 0
                ? List.of(Entry.debit(adjustments, a), Entry.credit(wallet, a))
                : List.of(Entry.debit(wallet, a), Entry.credit(adjustments, a));
        return new Posting(PostingKind.ADJUSTMENT.key(reference), PostingKind.ADJUSTMENT, amount.currency(),
                amount.minorUnits(), entries);
    }

    /** Wallet money paid back through the payment channel (a refunded top-up); never on credit. */
    public static Posting payout(String reference, String owner, Money amount) {
        long a = positive(amount);
        return new Posting(PostingKind.PAYOUT.key(reference), PostingKind.PAYOUT, amount.currency(), a, List.of(
                Entry.debit(AccountRef.available(owner, amount.currency()), a),
                Entry.credit(AccountRef.tenant(AccountType.CLEARING, amount.currency()), a)));
    }

    private static long positive(Money money) {
        if (money.minorUnits() <= 0) {
            throw new IllegalArgumentException("amount: must be positive, got " + money.minorUnits());
        }
        return money.minorUnits();
    }

    private static long notNegative(Money money) {
        if (money.minorUnits() < 0) {
            throw new IllegalArgumentException("amount: must not be negative, got " + money.minorUnits());
        }
        return money.minorUnits();
    }

    private static void sameCurrency(Money a, Money b) {
        if (!a.currency().equals(b.currency())) {
            throw new IllegalArgumentException("currency: the hold is in " + a.currency() + ", not " + b.currency());
        }
    }
}
