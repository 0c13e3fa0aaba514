package io.chargeplane.tools.simulator;

import java.time.Instant;

/**
 * One charging session on a connector. The transaction id is the CSMS's in 1.6 (set once StartTransaction is
 * answered) and the station's own in 2.0.1 (set when the session is created).
 */
public final class Session {

    private final String idTag;
    private final String tokenType;
    private final boolean remote;
    private final Integer remoteStartId;
    private final Instant plannedEnd;
    private String transactionId;
    private long startRegisterMwh;
    private Instant startedAt;
    private int seqNo;
    private final int startSoc;
    private int socPercent;

    /**
     * @param tokenType the 2.0.1 idToken type ({@code ISO14443} for an RFID card)
     * @param remote started by the CSMS (RemoteStart / RequestStart) rather than by a card at the charger
     */
    public Session(String idTag, String tokenType, boolean remote, Integer remoteStartId, Instant plannedEnd,
                   int socPercent) {
        this.idTag = idTag;
        this.tokenType = tokenType;
        this.remote = remote;
        this.remoteStartId = remoteStartId;
        this.plannedEnd = plannedEnd;
        this.startSoc = socPercent;
        this.socPercent = socPercent;
    }

    /** The car's state of charge when it was plugged in. */
    public int startSoc() {
        return startSoc;
    }

    public String idTag() {
        return idTag;
    }

    public String tokenType() {
        return tokenType;
    }

    public boolean remote() {
        return remote;
    }

    public Integer remoteStartId() {
        return remoteStartId;
    }

    public Instant plannedEnd() {
        return plannedEnd;
    }

    public String transactionId() {
        return transactionId;
    }

    void transactionId(String id) {
        this.transactionId = id;
    }

    public long startRegisterMwh() {
        return startRegisterMwh;
    }

    public Instant startedAt() {
        return startedAt;
    }

    void started(long registerMwh, Instant at) {
        this.startRegisterMwh = registerMwh;
        this.startedAt = at;
    }

    /** The 2.0.1 TransactionEvent sequence number to use next (0 for Started). */
    public int nextSeqNo() {
        return seqNo++;
    }

    public int socPercent() {
        return socPercent;
    }

    void socPercent(int soc) {
        this.socPercent = soc;
    }
}
