package io.chargeplane.bridge.core.spi;

/** The device bus could not take a message: disconnected with a full outage buffer, or the link is closed. */
public class BusUnavailableException extends RuntimeException {

    public BusUnavailableException(String message) {
        super(message, null, false, false);
    }

    public BusUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
