package io.chargeplane.billing.domain.ledger;

import java.util.Currency;
import java.util.Objects;

/**
 * Names one account of a tenant's ledger: its type, its owner (the driver, for wallet accounts; empty for the
 * tenant's own accounts) and its currency. An account holds one currency only.
 */
public record AccountRef(AccountType type, String owner, Currency currency) {

    public AccountRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
        owner = owner == null ? "" : owner;
        if (type.isWallet() == owner.isEmpty()) {
            throw new IllegalArgumentException(type.isWallet()
                    ? "owner: a wallet account belongs to a driver"
                    : "owner: " + type + " belongs to the tenant, not to a driver");
        }
    }

    public static AccountRef available(String owner, Currency currency) {
        return new AccountRef(AccountType.WALLET_AVAILABLE, owner, currency);
    }

    public static AccountRef held(String owner, Currency currency) {
        return new AccountRef(AccountType.WALLET_HELD, owner, currency);
    }

    public static AccountRef tenant(AccountType type, Currency currency) {
        return new AccountRef(type, "", currency);
    }

    @Override
    public String toString() {
        return type + (owner.isEmpty() ? "" : "/" + owner) + "/" + currency.getCurrencyCode();
    }
}
