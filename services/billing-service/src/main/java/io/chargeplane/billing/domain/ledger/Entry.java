package io.chargeplane.billing.domain.ledger;

import java.util.Objects;

/** One line of a posting: an amount in minor units, always positive, on one side of one account. */
public record Entry(AccountRef account, Side side, long amount) {

    public Entry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount: an entry moves a positive amount, got " + amount);
        }
    }

    public static Entry debit(AccountRef account, long amount) {
        return new Entry(account, Side.DEBIT, amount);
    }

    public static Entry credit(AccountRef account, long amount) {
        return new Entry(account, Side.CREDIT, amount);
    }
}
