package io.chargeplane.billing.it;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the whole database ledger: run after every test. */
final class LedgerInvariant {

    private LedgerInvariant() {
    }

    static void check(Pool pool) {
        // Debits equal credits per tenant and currency, over all entries.
        pool.query("select tenant_id, currency, sum(case when side = 'DEBIT' then amount_minor else -amount_minor end) as net "
                        + "from ledger_entries group by tenant_id, currency")
                .execute().await().atMost(Duration.ofSeconds(10))
                .forEach(r -> assertEquals(0L, r.getLong("net"), "entries of " + r.getString("tenant_id") + " balance"));
        // The signed balances of all accounts add up to zero.
        Row sum = pool.query("select coalesce(sum(case when type in ('CLEARING', 'REFUNDS', 'ADJUSTMENTS') then balance_minor "
                        + "else -balance_minor end), 0) as s from accounts")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(0L, sum.getLong("s"), "accounts sum to zero");
        // Each account's balance is explained by its entries.
        pool.query("select a.id, a.type, a.balance_minor, coalesce(sum(case when e.side = "
                        + "(case when a.type in ('CLEARING', 'REFUNDS', 'ADJUSTMENTS') then 'DEBIT' else 'CREDIT' end) "
                        + "then e.amount_minor else -e.amount_minor end), 0) as from_entries "
                        + "from accounts a left join ledger_entries e on e.account_id = a.id group by a.id")
                .execute().await().atMost(Duration.ofSeconds(10))
                .forEach(r -> assertEquals(r.getLong("balance_minor"), r.getLong("from_entries"), "account " + r.getUUID("id")));
        // No wallet below its floor.
        Row below = pool.query("select count(*) as n from accounts where (type = 'WALLET_AVAILABLE' "
                        + "and balance_minor < -credit_limit_minor) or (type = 'WALLET_HELD' and balance_minor < 0)")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertTrue(below.getLong("n") == 0, "no wallet below its floor");
    }
}
