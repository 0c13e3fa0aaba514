package io.chargeplane.bridge.ocpp.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The OCPP listener, under {@code chargeplane.bridge.ocpp.*}; every key has a usable default. */
@ConfigMapping(prefix = "chargeplane.bridge.ocpp")
public interface OcppConfig {

    /** The listener's own port, separate from the Quarkus HTTP/management port. 0 picks a free port. */
    @WithDefault("8180")
    int port();

    @WithDefault("0.0.0.0")
    String host();

    /** Subprotocols accepted; when a station offers several, the newest accepted one wins. */
    @WithDefault("ocpp2.0.1,ocpp1.6")
    List<String> versions();

    /** How long a CALL to a station waits for its answer before the command times out. */
    @WithDefault("30s")
    Duration callTimeout();

    /** Commands waiting behind the one outstanding CALL; beyond it a command fails at once. */
    @WithDefault("16")
    int outboundQueue();

    /** CALLs a misbehaving station may send before its previous one was answered; beyond it they are refused. */
    @WithDefault("4")
    int inboundQueue();

    /**
     * Largest frame (characters) that is processed. A larger frame that still fits {@link #maxMessageSize()}
     * is answered with CALLERROR FormatViolation / FormationViolation and the connection stays up.
     */
    @WithDefault("65536")
    int maxFrameSize();

    /**
     * Largest WebSocket message (bytes) the transport reads at all; a larger one is not buffered and the
     * connection is closed with 1009 (message too big), so no station can make the bridge hold more.
     */
    @WithDefault("262144")
    int maxMessageSize();

    /** The server pings every connection this often; a connection silent for twice as long is closed. */
    @WithDefault("60s")
    Duration pingInterval();

    /** The heartbeat interval stations are told in the BootNotification answer. */
    @WithDefault("5m")
    Duration heartbeatInterval();

    /** How long an upgrade may take from the request to the attached link before it is refused. */
    @WithDefault("10s")
    Duration handshakeTimeout();

    /**
     * Stations allowed between the upgrade and an attached bus link at once; the rest wait before the upgrade.
     * Bounds the bus work in flight so that a reconnect storm is served in order instead of timing out at once.
     */
    @WithDefault("128")
    int attachConcurrency();

    /** Stations that may wait for an attach slot; beyond it an upgrade is refused at once with 503. */
    @WithDefault("20000")
    int attachQueueLimit();

    /** How long a station waits for an attach slot before it is refused with 503 and Retry-After. */
    @WithDefault("60s")
    Duration attachQueueTimeout();

    Tls tls();

    /** Security profile 2: TLS with a server certificate, plus Basic authentication. */
    interface Tls {
        @WithDefault("false")
        boolean enabled();

        /** A PKCS#12 or JKS key store with the server's key and certificate chain. */
        Optional<Path> keyStore();

        Optional<String> keyStorePassword();
    }
}
