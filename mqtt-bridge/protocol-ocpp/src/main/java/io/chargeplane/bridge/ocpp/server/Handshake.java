package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.core.spi.CredentialStore;
import io.chargeplane.bridge.core.spi.CredentialsUnavailableException;
import io.chargeplane.bridge.core.spi.DeviceConnections;
import io.chargeplane.bridge.core.spi.StationCredentials;
import io.chargeplane.bridge.core.spi.StationVerdict;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.rpc.SubprotocolNegotiator;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Decides every upgrade before the WebSocket exists, in this order: path ({@code /ocpp/{stationId}}, else
 * 404), the credential store's verdict on the station and its Basic password (unknown or disabled 404, wrong
 * or missing password 401, store unavailable 503 so the charger retries), TLS for profile 2 and 3 stations
 * (403), a subprotocol both sides speak (400). Only then the upgrade, the attach to the bus, and frames.
 *
 * <p>The store verifies without blocking the event loop (it hashes on a worker or asks Keycloak).
 */
final class Handshake {

    private static final Logger LOG = Logger.getLogger(Handshake.class);
    private static final String PREFIX = "/ocpp/";
    private static final String SUBPROTOCOL = "Sec-WebSocket-Protocol";

    private final OcppEndpointShared shared;
    private final Map<OcppVersion, VersionStack> stacks;
    private final DeviceConnections connections;
    private final CredentialStore credentials;

    Handshake(OcppEndpointShared shared, Map<OcppVersion, VersionStack> stacks, DeviceConnections connections,
              CredentialStore credentials) {
        this.shared = shared;
        this.stacks = stacks;
        this.connections = connections;
        this.credentials = credentials;
    }

    void handle(HttpServerRequest request) {
        String stationId = stationId(request.path());
        if (stationId == null) {
            refuse(request, 404, "not an OCPP endpoint");
            return;
        }
        if (shared.stopping) {
            refuse(request, 503, "shutting down");
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            refuse(request, 426, "WebSocket upgrade required");
            return;
        }
        request.pause();
        Context context = Vertx.currentContext();
        byte[] password = password(request.getHeader(HttpHeaders.AUTHORIZATION), stationId);
        credentials.verify(stationId, password)
                .emitOn(r -> context.runOnContext(v -> r.run()))
                .subscribe().with(verdict -> decide(request, stationId, verdict),
                        failure -> {
                            if (!(failure instanceof CredentialsUnavailableException)) {
                                LOG.warnf("credential check for %s failed: %s", stationId, failure.toString());
                            }
                            refuse(request, 503, "station directory unavailable");
                        });
    }

    private void decide(HttpServerRequest request, String stationId, StationVerdict verdict) {
        switch (verdict) {
            case StationVerdict.Unknown u -> refuse(request, 404, "unknown station");
            case StationVerdict.Disabled d -> refuse(request, 404, "unknown station");
            case StationVerdict.Refused r -> unauthorized(request);
            case StationVerdict.Accepted accepted -> {
                if (accepted.station().securityProfile() >= 2 && !request.isSSL()) {
                    refuse(request, 403, "this station must connect over TLS");
                } else {
                    negotiate(request, stationId, accepted.station());
                }
            }
        }
    }

    private void negotiate(HttpServerRequest request, String stationId, StationCredentials station) {
        var offered = request.headers().getAll(SUBPROTOCOL);
        OcppVersion version = SubprotocolNegotiator.select(offered, stacks.keySet()).orElse(null);
        if (version == null) {
            refuse(request, 400, "no common OCPP subprotocol; offer one of " + shared.config.versions());
            return;
        }
        // The WebSocket handshaker picks the first offered token the server knows, in the station's order;
        // leaving only the negotiated one makes it answer with the version chosen here (newest first).
        request.headers().set(SUBPROTOCOL, version.subprotocol());
        AttachGate gate = shared.attachGate;
        AttachGate.Entry entry = gate.enter(Vertx.currentContext(), () -> upgrade(request, stationId, station, version),
                () -> busy(request));
        if (entry == AttachGate.Entry.QUEUED) {
            shared.upgradesDeferred.increment();
        }
    }

    /** Runs holding an attach slot; every path out of it gives the slot back exactly once. */
    private void upgrade(HttpServerRequest request, String stationId, StationCredentials station, OcppVersion version) {
        if (shared.stopping) {
            shared.attachGate.leave();
            refuse(request, 503, "shutting down");
            return;
        }
        request.toWebSocket().onComplete(upgraded -> {
            if (upgraded.failed()) {
                shared.attachGate.leave();
                LOG.debugf("upgrade of %s failed: %s", stationId, upgraded.cause().toString());
                return;
            }
            // The WebSocket keeps its upgrade request and response, headers included, for as long as it lives:
            // most of a kilobyte per idle station that nothing reads after the handshake.
            request.headers().clear();
            request.response().headers().clear();
            attach(upgraded.result(), stationId, station, stacks.get(version));
        });
    }

    private void busy(HttpServerRequest request) {
        shared.upgradesRefusedBusy.increment();
        if (!request.response().ended() && !request.response().closed()) {
            request.response().putHeader("Retry-After", "10");
        }
        refuse(request, 503, "too many stations connecting; retry later");
    }

    private void attach(ServerWebSocket ws, String stationId, StationCredentials station, VersionStack stack) {
        ws.pause();
        Context context = Vertx.currentContext();
        OcppConnection connection = new OcppConnection(shared, stack, ws, context, station.address(), stationId);
        shared.connections.add(connection);
        ws.closeHandler(v -> shared.connections.remove(connection));
        connections.attach(station.address(), stack.protocol(), connection)
                .ifNoItem().after(shared.config.handshakeTimeout()).fail()
                .emitOn(r -> context.runOnContext(v -> r.run()))
                .onTermination().invoke(shared.attachGate::leave)
                .subscribe().with(link -> {
                    if (ws.isClosed()) {
                        link.detach(io.chargeplane.model.event.DisconnectReason.CLOSED_BY_DEVICE)
                                .subscribe().with(x -> { }, e -> { });
                        return;
                    }
                    connection.open(link);
                }, failure -> {
                    LOG.warnf("station %s could not be attached to the bus: %s", stationId, failure.toString());
                    shared.connections.remove(connection);
                    ws.close((short) 1011, "central system temporarily unavailable");
                });
    }

    /** The station identity from the path, URL-decoded; null when the path is not {@code /ocpp/{id}}. */
    static String stationId(String path) {
        if (path == null || !path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return null;
        }
        String raw = path.substring(PREFIX.length());
        if (raw.indexOf('/') >= 0) {
            return null;
        }
        try {
            String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            return decoded.isEmpty() || decoded.length() > 64 ? null : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The Basic password when the user is this station's identity; null otherwise. Bytes: 1.6 keys may be binary. */
    static byte[] password(String authorization, String stationId) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] user = stationId.getBytes(StandardCharsets.UTF_8);
        if (decoded.length <= user.length || decoded[user.length] != ':') {
            return null;
        }
        for (int i = 0; i < user.length; i++) {
            if (decoded[i] != user[i]) {
                return null;
            }
        }
        byte[] password = new byte[decoded.length - user.length - 1];
        System.arraycopy(decoded, user.length + 1, password, 0, password.length);
        return password;
    }

    private static void unauthorized(HttpServerRequest request) {
        request.response().putHeader("WWW-Authenticate", "Basic realm=\"OCPP\", charset=\"UTF-8\"");
        refuse(request, 401, "authentication failed");
    }

    private static void refuse(HttpServerRequest request, int status, String reason) {
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONNECTION, "close").end(reason);
    }
}
