package io.chargeplane.model.session;

/**
 * Names on the Kafka backbone for charging sessions. Records are CloudEvents in binary mode: the JSON of a
 * {@link ChargingSessionChanged} is the value, the attributes are {@code ce_*} headers.
 */
public final class SessionTopics {

    /** Every state change of every session, keyed {@code tenant:sessionId}. */
    public static final String SESSIONS = "chargeplane.charging-sessions.v1";

    /** CloudEvents type prefix; the type is the prefix, the state in lower case, then {@code .v1}. */
    public static final String TYPE_PREFIX = "io.chargeplane.session.";

    /** The CloudEvents source charging-service writes. */
    public static final String SOURCE = "/chargeplane/charging-service";

    private SessionTopics() {
    }

    /** {@code io.chargeplane.session.completed.v1} and so on. */
    public static String typeOf(SessionState state) {
        return TYPE_PREFIX + state.name().toLowerCase(java.util.Locale.ROOT) + ".v1";
    }
}
