package io.chargeplane.bridge.core.spi;

/**
 * A device request got no reply in time (or the bus was down) and the offline policy has no answer for this
 * kind of request. The adapter answers the device with its protocol's transient error so it retries.
 */
public class RequestUnansweredException extends RuntimeException {

    private final String requestName;

    public RequestUnansweredException(String requestName, String message) {
        super(message, null, false, false);
        this.requestName = requestName;
    }

    public String requestName() {
        return requestName;
    }
}
