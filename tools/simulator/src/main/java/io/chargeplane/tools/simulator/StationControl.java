package io.chargeplane.tools.simulator;

import java.time.Duration;

/**
 * What a CSMS call may do to a simulated charger, in version-neutral terms. The protocol classes read the
 * request, call these and word the answer; the charger owns every state change.
 */
interface StationControl {

    int connectorCount();

    /** The connector with this id (1-based), or null if there is none. */
    Connector connector(int id);

    /** The connector whose running or starting session has this transaction id, or null. */
    Connector connectorOfTransaction(String transactionId);

    /**
     * Begins a session for the token on an Available connector (after the answer is sent).
     *
     * @param tokenType the 2.0.1 idToken type; 1.6 tags are RFID cards ({@code ISO14443})
     */
    void remoteStart(Connector connector, String idTag, String tokenType, Integer remoteStartId);

    /** Ends the session on the connector with the CSMS as the cause. */
    void remoteStop(Connector connector);

    /** Reboots after the answer: sessions end with the reset as reason, close, reconnect, boot. */
    void reset(boolean hard);

    /** Unlocks a connector: a session on it ends (cause UNLOCK). */
    void unlock(Connector connector);

    /**
     * ChangeAvailability for one connector or, with 0, the whole station.
     *
     * @return true when applied now, false when scheduled after the running session(s)
     */
    boolean changeAvailability(int connectorOrZero, boolean operative);

    /** Sends the triggered message after the answer; false for messages the simulator does not send. */
    boolean trigger(String message, Integer connectorOrNull);

    /** Caps the power of one connector, or all with 0; null removes the cap. */
    void capPower(int connectorOrZero, Double watts);

    Duration heartbeatInterval();

    void heartbeatInterval(Duration interval);

    Duration meterInterval();

    void meterInterval(Duration interval);
}
