package io.chargeplane.billing.domain.ledger;

/** Why money moved; each kind has its own business-key prefix. */
public enum PostingKind {
    TOP_UP("topup"),
    HOLD("hold"),
    CAPTURE("capture"),
    RELEASE("release"),
    REFUND("refund"),
    ADJUSTMENT("adjustment"),
    PAYOUT("payout"),
    /** A rated session charged straight to the wallet because no hold was taken (a local RFID session). */
    SESSION("session");

    private final String prefix;

    PostingKind(String prefix) {
        this.prefix = prefix;
    }

    /** The business key of a posting of this kind, e.g. {@code hold:<sessionId>}. */
    public String key(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("reference: a posting needs a business reference");
        }
        return prefix + ":" + reference;
    }
}
