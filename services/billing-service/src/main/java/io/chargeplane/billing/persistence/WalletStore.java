package io.chargeplane.billing.persistence;

import io.chargeplane.model.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of wallets and their entries, the trial balance, and credit limits. Always restricted to a tenant. */
@ApplicationScoped
public class WalletStore {

    private final Pool pool;

    public WalletStore(Pool pool) {
        this.pool = pool;
    }

    /** A driver's wallet in one currency; a wallet that never moved reads as zero. */
    public record Wallet(String tenantId, String owner, String currency, long available, long held, long creditLimit) {
    }

    public record WalletEntry(long id, UUID postingId, String businessKey, String kind, String account, String side,
                              long amount, String currency, long balanceAfter, OffsetDateTime at) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    /** One line of the trial balance: an account type's total balance, and the debits and credits behind it. */
    public record TrialLine(String tenantId, String currency, String type, long balance, long signedBalance,
                            long debits, long credits, long accounts) {
    }

    private static final String WALLETS = "select tenant_id, owner, currency, "
            + "coalesce(sum(balance_minor) filter (where type = 'WALLET_AVAILABLE'), 0) as available, "
            + "coalesce(sum(balance_minor) filter (where type = 'WALLET_HELD'), 0) as held, "
            + "coalesce(max(credit_limit_minor) filter (where type = 'WALLET_AVAILABLE'), 0) as credit_limit "
            + "from accounts where type in ('WALLET_AVAILABLE', 'WALLET_HELD') ";

    public Uni<Wallet> wallet(TenantId tenant, String owner, String currency) {
        return pool.preparedQuery(WALLETS + "and tenant_id = $1 and owner = $2 and currency = $3 group by tenant_id, owner, currency")
                .execute(Tuple.of(tenant.value(), owner, currency))
                .map(rows -> rows.rowCount() == 0 ? new Wallet(tenant.value(), owner, currency, 0, 0, 0)
                        : wallet(rows.iterator().next()));
    }

    /** Wallets of a tenant ({@code null}: every tenant), largest debt first so operators see risk at the top. */
    public Uni<Page<Wallet>> wallets(TenantId only, int page, int size) {
        String tenant = only == null ? null : only.value();
        String where = "and ($1::text is null or tenant_id = $1) group by tenant_id, owner, currency";
        return pool.preparedQuery("select count(*) as n from (" + WALLETS + where + ") w").execute(Tuple.of(tenant))
                .flatMap(count -> pool.preparedQuery(WALLETS + where + " order by available, tenant_id, owner, currency "
                                + "limit $2 offset $3")
                        .execute(Tuple.of(tenant, size, (long) page * size))
                        .map(rows -> {
                            List<Wallet> items = new ArrayList<>();
                            rows.forEach(r -> items.add(wallet(r)));
                            return new Page<>(items, count.iterator().next().getLong("n"));
                        }));
    }

    /** Entries on a driver's wallet accounts, newest first. */
    public Uni<Page<WalletEntry>> entries(TenantId tenant, String owner, String currency, int page, int size) {
        String from = " from ledger_entries e join accounts a on a.id = e.account_id join postings p on p.id = e.posting_id "
                + "where a.tenant_id = $1 and a.owner = $2 and a.currency = $3 and a.type in ('WALLET_AVAILABLE', 'WALLET_HELD')";
        return pool.preparedQuery("select count(*) as n" + from).execute(Tuple.of(tenant.value(), owner, currency))
                .flatMap(count -> pool.preparedQuery("select e.id, e.posting_id, p.business_key, p.kind, a.type, e.side, "
                                + "e.amount_minor, e.currency, e.balance_after_minor, e.created_at" + from
                                + " order by e.id desc limit $4 offset $5")
                        .execute(Tuple.of(tenant.value(), owner, currency, size, (long) page * size))
                        .map(rows -> {
                            List<WalletEntry> items = new ArrayList<>();
                            rows.forEach(r -> items.add(new WalletEntry(r.getLong("id"), r.getUUID("posting_id"),
                                    r.getString("business_key"), r.getString("kind"), r.getString("type"), r.getString("side"),
                                    r.getLong("amount_minor"), r.getString("currency"), r.getLong("balance_after_minor"),
                                    r.getOffsetDateTime("created_at"))));
                            return new Page<>(items, count.iterator().next().getLong("n"));
                        }));
    }

    /** Balances by tenant, currency and account type, with the entries' debits and credits. */
    public Uni<List<TrialLine>> trialBalance(TenantId only) {
        return pool.preparedQuery("select a.tenant_id, a.currency, a.type, sum(a.balance_minor) as balance, count(*) as accounts, "
                        + "coalesce(sum(x.debits), 0) as debits, coalesce(sum(x.credits), 0) as credits "
                        + "from accounts a left join (select account_id, "
                        + "sum(amount_minor) filter (where side = 'DEBIT') as debits, "
                        + "sum(amount_minor) filter (where side = 'CREDIT') as credits "
                        + "from ledger_entries group by account_id) x on x.account_id = a.id "
                        + "where ($1::text is null or a.tenant_id = $1) group by a.tenant_id, a.currency, a.type "
                        + "order by a.tenant_id, a.currency, a.type")
                .execute(Tuple.of(only == null ? null : only.value()))
                .map(rows -> {
                    List<TrialLine> lines = new ArrayList<>();
                    rows.forEach(r -> {
                        io.chargeplane.billing.domain.ledger.AccountType type =
                                io.chargeplane.billing.domain.ledger.AccountType.valueOf(r.getString("type"));
                        long balance = r.getLong("balance");
                        lines.add(new TrialLine(r.getString("tenant_id"), r.getString("currency"), type.name(), balance,
                                type.signed(balance), r.getLong("debits"), r.getLong("credits"), r.getLong("accounts")));
                    });
                    return lines;
                });
    }

    /** Sets a wallet's credit limit, creating the (empty) wallet account when needed. */
    public Uni<Wallet> setCreditLimit(TenantId tenant, String owner, String currency, long limit) {
        return pool.withTransaction(c -> c.preparedQuery("insert into accounts (id, tenant_id, type, owner, currency, "
                                + "credit_limit_minor) values ($1, $2, 'WALLET_AVAILABLE', $3, $4, $5) "
                                + "on conflict (tenant_id, type, owner, currency) do update set "
                                + "credit_limit_minor = excluded.credit_limit_minor, version = accounts.version + 1, updated_at = now()")
                        .execute(Tuple.of(UUID.randomUUID(), tenant.value(), owner, currency, limit)))
                .flatMap(ignored -> wallet(tenant, owner, currency));
    }

    private static Wallet wallet(Row r) {
        return new Wallet(r.getString("tenant_id"), r.getString("owner"), r.getString("currency"),
                r.getLong("available"), r.getLong("held"), r.getLong("credit_limit"));
    }
}
