package io.chargeplane.model.event;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.Require;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.time.Instant;
import java.util.List;

/**
 * A transaction ended; the record billing rates and settlement reconciles.
 *
 * <p>When the device reports per-rate buckets they must add up exactly to {@code meterStop - meterStart}:
 * a mismatch means the adapter misread a frame, and passing it on would make the invoice disagree with the
 * meter. Bucket amounts, where present, must share one currency.
 *
 * @param idToken who stopped it, when the device says; may be null
 * @param connector may be null when the protocol names only the EVSE
 * @param startedAt may be null when the device does not repeat it
 * @param rateBuckets per-rate energy; empty when the protocol does not split it
 * @param totalAmount the device's own total cost; may be null
 */
public record TransactionEnded(TransactionRef transaction, EvseId evse, ConnectorId connector, IdToken idToken,
                               Energy meterStart, Energy meterStop, Instant startedAt, Instant endedAt,
                               StopReason stopReason, List<RateBucket> rateBuckets, Money totalAmount)
        implements DeviceEvent {

    public static final String NAME = "transaction_ended";

    public TransactionEnded {
        Require.present(transaction, "transaction");
        Require.present(evse, "evse");
        Require.present(meterStart, "meterStart");
        Require.present(meterStop, "meterStop");
        Require.that(meterStop.compareTo(meterStart) >= 0, "meterStop", "must not be below meterStart");
        Require.present(endedAt, "endedAt");
        Require.that(startedAt == null || !endedAt.isBefore(startedAt), "endedAt", "must not be before startedAt");
        Require.present(stopReason, "stopReason");
        rateBuckets = Require.listOf(rateBuckets, "rateBuckets");
        checkBuckets(rateBuckets, meterStop.minus(meterStart));
    }

    private static void checkBuckets(List<RateBucket> buckets, Energy total) {
        if (buckets.isEmpty()) {
            return;
        }
        Energy sum = Energy.sum(buckets.stream().map(RateBucket::energy).toList());
        if (!sum.equals(total)) {
            throw new ModelValidationException("rateBuckets", "energies add up to " + sum
                    + " but meterStop - meterStart is " + total);
        }
        Money first = null;
        for (int i = 0; i < buckets.size(); i++) {
            Money amount = buckets.get(i).amount();
            if (amount == null) {
                continue;
            }
            if (first != null && !first.currency().equals(amount.currency())) {
                throw new ModelValidationException("rateBuckets[" + i + "].amount.currency",
                        "must match the other buckets' " + first.currency().getCurrencyCode());
            }
            first = amount;
        }
    }

    /** Energy delivered in this transaction. */
    public Energy energy() {
        return meterStop.minus(meterStart);
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
