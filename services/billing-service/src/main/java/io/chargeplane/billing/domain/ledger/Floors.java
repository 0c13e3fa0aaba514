package io.chargeplane.billing.domain.ledger;

/**
 * How low an account may go. A driver's available balance may fall to minus its credit limit, and no lower;
 * a held balance never below zero. The tenant's own accounts have no floor: they are the other side of wallet
 * money and may read either way.
 */
public final class Floors {

    private Floors() {
    }

    /** @param creditLimit the wallet's credit limit in minor units (zero: no credit), ignored for other accounts */
    public static long floor(AccountRef account, long creditLimit) {
        return switch (account.type()) {
            case WALLET_AVAILABLE -> -Math.max(creditLimit, 0);
            case WALLET_HELD -> 0;
            default -> Long.MIN_VALUE;
        };
    }

    /**
     * Fails when an entry would take a wallet below its floor. Only decreases are checked, so a wallet that is
     * already below its floor (a lowered credit limit) can still receive money.
     */
    public static void check(AccountRef account, long before, long after, long creditLimit) {
        long floor = floor(account, creditLimit);
        if (after < before && after < floor) {
            throw new InsufficientFundsException(account, after, floor);
        }
    }
}
