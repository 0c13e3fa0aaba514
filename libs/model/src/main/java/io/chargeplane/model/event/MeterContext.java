package io.chargeplane.model.event;

/** Why a meter sample was taken; billing trusts TRANSACTION_BEGIN/END readings over periodic ones. */
public enum MeterContext {
    SAMPLE_PERIODIC,
    SAMPLE_CLOCK,
    TRANSACTION_BEGIN,
    TRANSACTION_END,
    INTERRUPTION_BEGIN,
    INTERRUPTION_END,
    TRIGGER,
    OTHER
}
