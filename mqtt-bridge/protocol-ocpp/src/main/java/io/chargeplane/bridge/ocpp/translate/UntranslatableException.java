package io.chargeplane.bridge.ocpp.translate;

/**
 * A schema-valid payload whose content the canonical model cannot hold faithfully (an energy register finer
 * than 1 mWh, a decimal string that is no number). Answered with PropertyConstraintViolation.
 */
final class UntranslatableException extends RuntimeException {
    UntranslatableException(String message) {
        super(message, null, false, false);
    }
}
