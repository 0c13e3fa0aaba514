package io.chargeplane.billing.domain.ledger;

import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A balanced set of entries recorded together under one business key ({@code hold:<sessionId>},
 * {@code topup:<paymentId>}). The constructor refuses a posting whose debits and credits differ in any
 * currency, so an unbalanced posting cannot exist, let alone be stored.
 *
 * @param amount the figure the posting is about (the top-up, the hold, the captured charge), in minor units
 */
public record Posting(String businessKey, PostingKind kind, Currency currency, long amount, List<Entry> entries) {

    public Posting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        if (businessKey == null || businessKey.isBlank() || businessKey.length() > 200) {
            throw new IllegalArgumentException("businessKey: 1 to 200 characters");
        }
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("entries: a posting moves money, it has at least two entries");
        }
        Map<Currency, Long> net = new HashMap<>();
        for (Entry e : entries) {
            net.merge(e.account().currency(), e.side() == Side.DEBIT ? e.amount() : -e.amount(), Math::addExact);
        }
        net.forEach((c, difference) -> {
            if (difference != 0) {
                throw new UnbalancedPostingException(businessKey, c, difference);
            }
        });
    }

    /** The sum of the debits (equal to the sum of the credits) in {@code currency}. */
    public long debits(Currency currency) {
        return entries.stream().filter(e -> e.side() == Side.DEBIT && e.account().currency().equals(currency))
                .mapToLong(Entry::amount).sum();
    }

    /** Thrown when debits and credits of a posting differ; always a programming error, never a client's. */
    public static final class UnbalancedPostingException extends IllegalArgumentException {
        UnbalancedPostingException(String key, Currency currency, long difference) {
            super("posting " + key + " is not balanced in " + currency + ": debits exceed credits by " + difference);
        }
    }
}
