package io.chargeplane.bridge.core.spi;

/**
 * A {@link CredentialStore} could not decide now: its directory is down, too slow, or this instance's queue
 * toward it is full. Adapters answer with a retryable refusal (OCPP-J: 503 before the upgrade), never with
 * "wrong secret", so a charger keeps its credentials and retries.
 */
public class CredentialsUnavailableException extends RuntimeException {

    public CredentialsUnavailableException(String message) {
        super(message);
    }

    public CredentialsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
