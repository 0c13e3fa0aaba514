package io.chargeplane.billing.domain.ledger;

/**
 * The kinds of account a tenant's ledger holds. Each has a normal side: the side on which an entry increases
 * its balance, so every balance reads as a positive figure in ordinary use (a funded wallet, earned revenue,
 * cash received). Wallet accounts belong to one driver; the others are the tenant's own.
 */
public enum AccountType {
    /** What a driver may spend. The platform owes it to the driver. */
    WALLET_AVAILABLE(Side.CREDIT, true),
    /** What is reserved for running sessions; never below zero. */
    WALLET_HELD(Side.CREDIT, true),
    /** Money received from (or paid back through) payment channels, not yet settled with them. */
    CLEARING(Side.DEBIT, false),
    /** Charging revenue from captured holds. */
    REVENUE(Side.CREDIT, false),
    /** Revenue given back to drivers (a contra-revenue account). */
    REFUNDS(Side.DEBIT, false),
    /** Operator corrections: goodwill credits and manual debits. */
    ADJUSTMENTS(Side.DEBIT, false);

    private final Side normalSide;
    private final boolean wallet;

    AccountType(Side normalSide, boolean wallet) {
        this.normalSide = normalSide;
        this.wallet = wallet;
    }

    public Side normalSide() {
        return normalSide;
    }

    public boolean isWallet() {
        return wallet;
    }

    /** How an entry of {@code amount} on {@code side} changes this account's (normal-side) balance. */
    public long change(Side side, long amount) {
        return side == normalSide ? amount : -amount;
    }

    /**
     * The balance as a signed debit-minus-credit figure; over all accounts of a ledger these add up to zero,
     * which is the double-entry invariant.
     */
    public long signed(long balance) {
        return normalSide == Side.DEBIT ? balance : -balance;
    }
}
