package io.chargeplane.billing.persistence;

import io.chargeplane.billing.domain.ledger.Postings;
import io.chargeplane.billing.payment.spi.PaymentOutcome;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Top-up payments. A payment is credited to the wallet in the same transaction that marks it SUCCEEDED, under the
 * posting key {@code topup:<payment id>}, so a repeated notification, a query racing a notification or a second
 * instance all end in one credit.
 */
@ApplicationScoped
public class PaymentStore {

    private static final Logger LOG = Logger.getLogger(PaymentStore.class);

    private final Pool pool;
    private final LedgerStore ledger;

    public PaymentStore(Pool pool, LedgerStore ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    public record Payment(UUID id, String tenantId, String owner, String channel, String currency, long amount,
                          PaymentOutcome state, String channelReference, Map<String, String> channelData,
                          String failureReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public Uni<Payment> create(TenantId tenant, String owner, String channel, Money amount) {
        return pool.preparedQuery("insert into payments (id, tenant_id, owner, channel, currency, amount_minor, state) "
                        + "values ($1, $2, $3, $4, $5, $6, 'PENDING') returning *")
                .execute(Tuple.from(List.of(UUID.randomUUID(), tenant.value(), owner, channel,
                        amount.currency().getCurrencyCode(), amount.minorUnits())))
                .map(rows -> payment(rows.iterator().next()));
    }

    /** Records what the channel answered when the payment was started. */
    public Uni<Payment> started(UUID id, String reference, Map<String, String> data) {
        return pool.preparedQuery("update payments set channel_reference = $2, channel_data = $3, version = version + 1, "
                        + "updated_at = now() where id = $1 returning *")
                .execute(Tuple.of(id, reference, new JsonObject(Map.copyOf(data))))
                .map(rows -> payment(rows.iterator().next()));
    }

    public Uni<Optional<Payment>> find(UUID id) {
        return pool.preparedQuery("select * from payments where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(payment(rows.iterator().next())));
    }

    /**
     * Applies a channel's final word on a payment. A payment already final stays as it is (a repeat is harmless).
     * Success is credited only when the collected amount is exactly the payment's; anything else is logged and
     * left pending for an operator, because crediting a different amount would be wrong either way.
     */
    public Uni<Payment> settle(UUID id, PaymentOutcome outcome, Money collected, String failureReason, String actor) {
        return pool.withTransaction(c -> c.preparedQuery("select * from payments where id = $1 for update")
                .execute(Tuple.of(id))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        throw io.chargeplane.platform.error.ProblemException.notFound("payment " + id);
                    }
                    Payment p = payment(rows.iterator().next());
                    if (p.state() != PaymentOutcome.PENDING || outcome == PaymentOutcome.PENDING) {
                        if (p.state() != outcome && outcome != PaymentOutcome.PENDING) {
                            LOG.warnf("payment %s is %s; the channel now reports %s, left unchanged", id, p.state(), outcome);
                        }
                        return Uni.createFrom().item(p);
                    }
                    if (outcome == PaymentOutcome.FAILED) {
                        return mark(c, id, "FAILED", failureReason == null ? "failed" : failureReason);
                    }
                    Money expected = Money.ofMinor(p.amount(), p.currency());
                    if (!expected.equals(collected)) {
                        LOG.errorf("payment %s: channel collected %s, expected %s; not credited", id, collected, expected);
                        return Uni.createFrom().item(p);
                    }
                    return ledger.post(c, io.chargeplane.model.id.TenantId.of(p.tenantId()),
                                    Postings.topUp(id.toString(), p.owner(), expected), actor)
                            .flatMap(posted -> mark(c, id, "SUCCEEDED", null));
                }));
    }

    private static Uni<Payment> mark(io.vertx.mutiny.sqlclient.SqlConnection c, UUID id, String state, String reason) {
        return c.preparedQuery("update payments set state = $2, failure_reason = $3, version = version + 1, "
                        + "updated_at = now() where id = $1 returning *")
                .execute(Tuple.of(id, state, reason))
                .map(rows -> payment(rows.iterator().next()));
    }

    private static Payment payment(Row r) {
        JsonObject data = r.getJsonObject("channel_data");
        Map<String, String> channelData = data == null ? Map.of() : data.getMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
        return new Payment(r.getUUID("id"), r.getString("tenant_id"), r.getString("owner"), r.getString("channel"),
                r.getString("currency"), r.getLong("amount_minor"), PaymentOutcome.valueOf(r.getString("state")),
                r.getString("channel_reference"), channelData, r.getString("failure_reason"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}
