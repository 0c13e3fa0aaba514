package io.chargeplane.billing.payment.spi;

/** A callback that does not verify (missing, wrong or stale signature) or cannot be read. */
public class InvalidNotificationException extends RuntimeException {

    public InvalidNotificationException(String message) {
        super(message);
    }

    public InvalidNotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
