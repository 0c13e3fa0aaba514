package io.chargeplane.billing.api;

import io.chargeplane.billing.persistence.HoldStore;
import io.chargeplane.billing.persistence.PaymentStore;
import io.chargeplane.billing.persistence.WalletStore;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies. Money is {@code {"minorUnits": 1234, "currency": "CNY"}} everywhere. */
public final class Dtos {

    private Dtos() {
    }

    public record Amount(Long minorUnits, String currency) {
        static Amount of(long minor, String currency) {
            return new Amount(minor, currency);
        }
    }

    public record TopUp(Amount amount, String channel) {
    }

    public record Adjustment(String reference, Amount amount, String reason) {
    }

    public record CreditLimit(String currency, Long limitMinorUnits) {
    }

    public record HoldRequest(String sessionId, String owner, Amount amount) {
    }

    public record Capture(Amount amount) {
    }

    public record Refund(String reference, Amount amount) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** A wallet: {@code spendable} is what a new hold may take (available plus the credit limit). */
    public record Wallet(String tenantId, String owner, String currency, Amount available, Amount held,
                         Amount creditLimit, Amount spendable) {
        static Wallet of(WalletStore.Wallet w) {
            return new Wallet(w.tenantId(), w.owner(), w.currency(), Amount.of(w.available(), w.currency()),
                    Amount.of(w.held(), w.currency()), Amount.of(w.creditLimit(), w.currency()),
                    Amount.of(w.available() + w.creditLimit(), w.currency()));
        }
    }

    public record Entry(long id, UUID postingId, String businessKey, String kind, String account, String side,
                        Amount amount, Amount balanceAfter, OffsetDateTime at) {
        static Entry of(WalletStore.WalletEntry e) {
            return new Entry(e.id(), e.postingId(), e.businessKey(), e.kind(), e.account(), e.side(),
                    Amount.of(e.amount(), e.currency()), Amount.of(e.balanceAfter(), e.currency()), e.at());
        }
    }

    public record Payment(UUID id, String tenantId, String owner, String channel, Amount amount, String state,
                          String channelReference, Map<String, String> channelData, String failureReason,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static Payment of(PaymentStore.Payment p) {
            return new Payment(p.id(), p.tenantId(), p.owner(), p.channel(), Amount.of(p.amount(), p.currency()),
                    p.state().name(), p.channelReference(), p.channelData(), p.failureReason(), p.createdAt(), p.updatedAt());
        }
    }

    public record Hold(UUID id, String tenantId, String owner, String sessionId, Amount amount, Amount captured,
                       Amount refunded, String state, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static Hold of(HoldStore.Hold h) {
            return new Hold(h.id(), h.tenantId(), h.owner(), h.sessionId(), Amount.of(h.amount(), h.currency()),
                    h.captured() == null ? null : Amount.of(h.captured(), h.currency()),
                    Amount.of(h.refunded(), h.currency()), h.state().name(), h.createdAt(), h.updatedAt());
        }
    }

    /** Per tenant and currency: the balance of each account type, and whether debits equal credits. */
    public record TrialBalance(String tenantId, String currency, List<WalletStore.TrialLine> lines, long debits,
                               long credits, long signedSum, boolean balanced) {
    }
}
