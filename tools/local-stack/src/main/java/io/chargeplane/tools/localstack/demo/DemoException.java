package io.chargeplane.tools.localstack.demo;

/** A demo step the platform refused or could not answer; the message names the step and the answer. */
public final class DemoException extends RuntimeException {

    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
