package io.chargeplane.billing.persistence;

import io.chargeplane.billing.domain.ledger.AccountRef;
import io.chargeplane.billing.domain.ledger.Balances;
import io.chargeplane.billing.domain.ledger.Entry;
import io.chargeplane.billing.domain.ledger.Posting;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes postings. The ledger goes through the reactive SQL client rather than Hibernate because each posting is
 * three statements Hibernate does not express: an {@code INSERT … ON CONFLICT DO NOTHING} on the business key
 * (a concurrent duplicate waits for the first transaction and then finds its row), an upsert that locks every
 * touched account in one canonical order (no deadlocks between postings), and an append-only batch of entries.
 */
@ApplicationScoped
public class LedgerStore {

    private static final Comparator<AccountRef> LOCK_ORDER = Comparator.comparing(AccountRef::toString);

    private final Pool pool;
    private final MeterRegistry metrics;

    public LedgerStore(Pool pool, MeterRegistry metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    private record Locked(UUID id, long balance, long creditLimit) {
    }

    /** Posts in a transaction of its own. */
    public Uni<PostResult> post(TenantId tenant, Posting posting, String actor) {
        return pool.withTransaction(c -> post(c, tenant, posting, actor));
    }

    /**
     * Posts inside the caller's transaction: at most once per business key. A repeat with the same content returns
     * the first posting; a repeat with other content is a conflict. Fails with
     * {@link io.chargeplane.billing.domain.ledger.InsufficientFundsException} (the caller's transaction then rolls
     * back, including the posting row) when a wallet would fall below its floor.
     */
    public Uni<PostResult> post(SqlConnection c, TenantId tenant, Posting posting, String actor) {
        UUID id = UUID.randomUUID();
        return c.preparedQuery("insert into postings (id, tenant_id, business_key, kind, currency, amount_minor, created_by) "
                        + "values ($1, $2, $3, $4, $5, $6, $7) on conflict (tenant_id, business_key) do nothing returning id")
                .execute(Tuple.from(List.of(id, tenant.value(), posting.businessKey(), posting.kind().name(),
                        posting.currency().getCurrencyCode(), posting.amount(), actor)))
                .flatMap(rows -> rows.rowCount() == 0
                        ? existing(c, tenant, posting)
                        : apply(c, tenant, id, posting).replaceWith(new PostResult(id, posting.businessKey(), false)))
                .invoke(result -> metrics.counter("chargeplane.billing.postings", "kind", posting.kind().name().toLowerCase(),
                        "outcome", result.replayed() ? "replayed" : "posted").increment());
    }

    private Uni<PostResult> existing(SqlConnection c, TenantId tenant, Posting posting) {
        return c.preparedQuery("select id, kind, currency, amount_minor from postings where tenant_id = $1 and business_key = $2")
                .execute(Tuple.of(tenant.value(), posting.businessKey()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    boolean same = row.getString("kind").equals(posting.kind().name())
                            && row.getString("currency").equals(posting.currency().getCurrencyCode())
                            && row.getLong("amount_minor") == posting.amount();
                    if (!same) {
                        throw new ProblemException(ErrorCode.CONFLICT, posting.businessKey()
                                + " was already posted with another amount or kind; it is never posted twice");
                    }
                    return new PostResult(row.getUUID("id"), posting.businessKey(), true);
                });
    }

    private Uni<Void> apply(SqlConnection c, TenantId tenant, UUID postingId, Posting posting) {
        List<AccountRef> accounts = posting.entries().stream().map(Entry::account).distinct().sorted(LOCK_ORDER).toList();
        Map<AccountRef, Locked> locked = new HashMap<>();
        return Multi.createFrom().iterable(accounts)
                .onItem().transformToUniAndConcatenate(a -> lock(c, tenant, a).invoke(l -> locked.put(a, l)))
                .collect().last()
                .flatMap(ignored -> {
                    Map<AccountRef, Long> current = new HashMap<>();
                    locked.forEach((a, l) -> current.put(a, l.balance()));
                    Map<AccountRef, Long> after = Balances.apply(posting, current, a -> locked.get(a).creditLimit());
                    return write(c, tenant, postingId, posting, locked, current, after);
                });
    }

    /** Creates the account when absent and locks its row either way. */
    private static Uni<Locked> lock(SqlConnection c, TenantId tenant, AccountRef account) {
        return c.preparedQuery("insert into accounts (id, tenant_id, type, owner, currency) values ($1, $2, $3, $4, $5) "
                        + "on conflict (tenant_id, type, owner, currency) do update set version = accounts.version "
                        + "returning id, balance_minor, credit_limit_minor")
                .execute(Tuple.of(UUID.randomUUID(), tenant.value(), account.type().name(), account.owner(),
                        account.currency().getCurrencyCode()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Locked(row.getUUID("id"), row.getLong("balance_minor"), row.getLong("credit_limit_minor"));
                });
    }

    private static Uni<Void> write(SqlConnection c, TenantId tenant, UUID postingId, Posting posting,
                                   Map<AccountRef, Locked> locked, Map<AccountRef, Long> before, Map<AccountRef, Long> after) {
        List<Tuple> balances = new ArrayList<>();
        after.forEach((a, balance) -> balances.add(Tuple.of(balance, locked.get(a).id())));
        Map<AccountRef, Long> running = new HashMap<>(before);
        List<Tuple> entries = new ArrayList<>();
        for (Entry e : posting.entries()) {
            long balance = running.merge(e.account(), e.account().type().change(e.side(), e.amount()), Long::sum);
            entries.add(Tuple.from(List.of(postingId, tenant.value(), locked.get(e.account()).id(), e.side().name(),
                    e.amount(), e.account().currency().getCurrencyCode(), balance)));
        }
        return c.preparedQuery("update accounts set balance_minor = $1, version = version + 1, updated_at = now() where id = $2")
                .executeBatch(balances)
                .flatMap(ignored -> c.preparedQuery("insert into ledger_entries (posting_id, tenant_id, account_id, side, "
                                + "amount_minor, currency, balance_after_minor) values ($1, $2, $3, $4, $5, $6, $7)")
                        .executeBatch(entries))
                .replaceWithVoid();
    }
}
