package io.chargeplane.billing.domain.ledger;

/** The two sides of a ledger entry. */
public enum Side {
    DEBIT,
    CREDIT;

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
