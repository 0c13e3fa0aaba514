package io.chargeplane.model.request;

import io.chargeplane.model.Require;

/**
 * The platform-assigned transaction id and the verdict on the starting identification.
 *
 * @param transactionId positive; the OCPP 1.6 adapter must keep it within the charger's integer range
 */
public record StartTransactionReply(long transactionId, AuthorizeReply authorization) implements DeviceReply {

    public StartTransactionReply {
        Require.atLeast(transactionId, 1L, "transactionId");
        Require.present(authorization, "authorization");
    }

    @Override
    public String requestName() {
        return StartTransactionRequest.NAME;
    }
}
