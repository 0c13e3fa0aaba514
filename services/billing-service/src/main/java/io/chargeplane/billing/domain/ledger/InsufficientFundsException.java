package io.chargeplane.billing.domain.ledger;

/**
 * A posting would take a wallet below what its credit limit allows (or a held balance below zero). Nothing of
 * the posting is applied.
 */
public class InsufficientFundsException extends RuntimeException {

    /** The stable reason code clients see. */
    public static final String CODE = "insufficient_funds";

    private final AccountRef account;
    private final long shortBy;

    public InsufficientFundsException(AccountRef account, long balanceAfter, long floor) {
        super(CODE + ": " + account + " would fall to " + balanceAfter + " minor units, below its floor of " + floor);
        this.account = account;
        this.shortBy = floor - balanceAfter;
    }

    public AccountRef account() {
        return account;
    }

    /** How many minor units are missing. */
    public long shortBy() {
        return shortBy;
    }
}
