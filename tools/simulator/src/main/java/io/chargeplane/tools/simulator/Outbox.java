package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/** How the session logic reaches the CSMS through its charger's connection. */
interface Outbox {

    /** Connected and booted: CALLs other than BootNotification may go. */
    boolean online();

    /** A CALL whose answer matters (Authorize, 1.6 StartTransaction). */
    Future<ObjectNode> call(OutCall call);

    /** A CALL that may be lost (a periodic meter value, a status): errors are only counted. */
    void send(OutCall call);

    /**
     * A transaction message the CSMS must not miss: while offline it waits and goes after the next boot; a
     * CALLERROR is retried a few times.
     */
    void sendTransactional(OutCall call);

    /** Reports the connector's status if it changed since the last report. */
    void reportStatus(Connector connector);
}
