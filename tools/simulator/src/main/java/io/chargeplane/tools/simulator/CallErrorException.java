package io.chargeplane.tools.simulator;

/** The CSMS answered a CALL with a CALLERROR, or the CALL got no answer (code {@code Timeout} / {@code Disconnected}). */
public final class CallErrorException extends RuntimeException {

    public static final String TIMEOUT = "Timeout";
    public static final String DISCONNECTED = "Disconnected";

    private final String code;

    public CallErrorException(String code, String description) {
        super(code + (description == null || description.isEmpty() ? "" : ": " + description), null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The CALL never reached an answer because the connection went away: worth sending again later. */
    public boolean connectionLost() {
        return DISCONNECTED.equals(code);
    }
}
