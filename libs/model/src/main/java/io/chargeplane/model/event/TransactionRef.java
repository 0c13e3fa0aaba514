package io.chargeplane.model.event;

import io.chargeplane.model.Require;

/**
 * Names one charging transaction across its device and the platform.
 *
 * @param deviceTransactionId the id the device uses (OCPP 2.0.1 transactionId, YKC serial number, or the
 *                            OCPP 1.6 integer assigned by the platform, as decimal text); devices key their
 *                            queued messages by it, so it is always present
 * @param sessionId the platform's charging-session id once known; null until charging-service assigns one
 */
public record TransactionRef(String deviceTransactionId, String sessionId) {

    public TransactionRef {
        Require.text(deviceTransactionId, "deviceTransactionId", 64);
        Require.optionalText(sessionId, "sessionId", 64);
    }

    public static TransactionRef ofDevice(String deviceTransactionId) {
        return new TransactionRef(deviceTransactionId, null);
    }

    public TransactionRef withSession(String sessionId) {
        return new TransactionRef(deviceTransactionId, sessionId);
    }
}
