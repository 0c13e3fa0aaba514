package io.chargeplane.model.request;

import io.chargeplane.model.CanonicalPayload;

/** The platform's answer to a {@link DeviceRequest}; carries the same name as its request. */
public sealed interface DeviceReply extends CanonicalPayload permits AuthorizeReply, StartTransactionReply {

    String requestName();
}
