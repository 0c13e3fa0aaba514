package io.chargeplane.model;

/**
 * Anything that may travel as the {@code data} of a canonical envelope: device events, command requests and
 * results, device requests and replies. The envelope derives its CloudEvents {@code type} from the payload,
 * so a message can never claim one type and carry another.
 */
public interface CanonicalPayload {
}
