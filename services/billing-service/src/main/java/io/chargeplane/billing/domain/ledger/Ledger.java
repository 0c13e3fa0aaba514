package io.chargeplane.billing.domain.ledger;

import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's ledger held in memory: balances, credit limits and the postings by business key, with the same
 * rules as the database store (a repeated business key returns the first posting and applies nothing). It
 * serves the property tests and any caller that wants to reason about postings without a database.
 */
public final class Ledger {

    private final Map<AccountRef, Long> balances = new LinkedHashMap<>();
    private final Map<AccountRef, Long> creditLimits = new HashMap<>();
    private final Map<String, Posting> postings = new LinkedHashMap<>();

    /** The result of a post: the posting stored under the key, and whether it was stored before. */
    public record Outcome(Posting posting, boolean replayed) {
    }

    public Outcome post(Posting posting) {
        Posting first = postings.get(posting.businessKey());
        if (first != null) {
            return new Outcome(first, true);
        }
        balances.putAll(Balances.apply(posting, balances, a -> creditLimits.getOrDefault(a, 0L)));
        postings.put(posting.businessKey(), posting);
        return new Outcome(posting, false);
    }

    public void setCreditLimit(String owner, Currency currency, long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("creditLimit: must not be negative");
        }
        creditLimits.put(AccountRef.available(owner, currency), limit);
    }

    public long creditLimit(String owner, Currency currency) {
        return creditLimits.getOrDefault(AccountRef.available(owner, currency), 0L);
    }

    public long balance(AccountRef account) {
        return balances.getOrDefault(account, 0L);
    }

    public Map<AccountRef, Long> balances() {
        return Map.copyOf(balances);
    }

    public Optional<Posting> posting(String businessKey) {
        return Optional.ofNullable(postings.get(businessKey));
    }

    public List<Posting> postings() {
        return List.copyOf(postings.values());
    }

    /** Debits minus credits over every account; zero unless the ledger is broken. */
    public long signedSum() {
        return Balances.signedSum(balances.entrySet());
    }
}
