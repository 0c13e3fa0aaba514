package io.chargeplane.model.request;

import io.chargeplane.model.CanonicalPayload;

/**
 * A question a device asks that only the platform can answer, sent with MQTT 5 request/response and
 * answered by a {@link DeviceReply} of the same name. Closed so that the answering service handles all.
 */
public sealed interface DeviceRequest extends CanonicalPayload permits AuthorizeRequest, StartTransactionRequest {

    /** The topic level ({@code .../req/authorize}) and CloudEvents type part. */
    String requestName();
}
