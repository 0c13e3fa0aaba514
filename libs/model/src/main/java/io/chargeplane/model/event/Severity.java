package io.chargeplane.model.event;

/** How urgent a fault or log line is; alerting rules key on it. */
public enum Severity {
    DEBUG,
    INFO,
    WARNING,
    ERROR,
    CRITICAL
}
