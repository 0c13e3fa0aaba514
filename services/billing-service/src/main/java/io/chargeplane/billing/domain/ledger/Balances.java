package io.chargeplane.billing.domain.ledger;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Applies a posting to a set of current balances, all or nothing: it computes every new balance, checks each
 * against its floor and only then returns them. The database store runs the same computation on the rows it
 * locked, and the in-memory {@link Ledger} uses it for the property tests.
 */
public final class Balances {

    private Balances() {
    }

    /**
     * @param current     the balance of every account the posting touches (absent: zero)
     * @param creditLimit each wallet's credit limit
     * @return the balance of every touched account after the posting
     * @throws InsufficientFundsException when a wallet would fall below its floor; nothing is applied
     */
    public static Map<AccountRef, Long> apply(Posting posting, Map<AccountRef, Long> current,
                                              ToLongFunction<AccountRef> creditLimit) {
        Map<AccountRef, Long> before = new LinkedHashMap<>();
        Map<AccountRef, Long> after = new LinkedHashMap<>();
        for (Entry e : posting.entries()) {
            long start = current.getOrDefault(e.account(), 0L);
            before.putIfAbsent(e.account(), start);
            long change = e.account().type().change(e.side(), e.amount());
            after.put(e.account(), Math.addExact(after.getOrDefault(e.account(), start), change));
        }
        after.forEach((account, balance) -> Floors.check(account, before.get(account), balance,
                creditLimit.applyAsLong(account)));
        return after;
    }

    /** The debit-minus-credit sum of {@code balances}; zero for every complete ledger. */
    public static long signedSum(Collection<Map.Entry<AccountRef, Long>> balances) {
        return balances.stream().mapToLong(e -> e.getKey().type().signed(e.getValue())).sum();
    }
}
