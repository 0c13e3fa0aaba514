package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.spi.CredentialStore;
import io.chargeplane.bridge.core.spi.DeviceConnections;
import io.chargeplane.bridge.core.spi.ProtocolAdapter;
import io.chargeplane.bridge.ocpp.catalog.ActionCatalog;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.schema.SchemaRegistry;
import io.chargeplane.bridge.ocpp.translate.OcppTranslator;
import io.chargeplane.bridge.ocpp.translate.TransactionMemory;
import io.chargeplane.bridge.ocpp.translate.TranslationSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The OCPP-J adapter ({@code ocpp}): a dedicated Vert.x HTTP server on {@code chargeplane.bridge.ocpp.port}
 * serving {@code /ocpp/{stationId}}, separate from the Quarkus HTTP and management ports.
 *
 * <p>Nothing is opened before {@link #start()}: the application starts only the adapters it is told to.
 */
@ApplicationScoped
public class OcppAdapter implements ProtocolAdapter {

    private static final Logger LOG = Logger.getLogger(OcppAdapter.class);

    private final Vertx vertx;
    private final OcppConfig config;
    private final DeviceConnections connections;
    private final CredentialStore credentials;
    private final BridgeMetrics metrics;
    private OcppEndpointShared shared;
    private HttpServer server;
    private long pingTimer = -1;
    private long gateTimer = -1;

    @Inject
    public OcppAdapter(Vertx vertx, OcppConfig config, DeviceConnections connections, CredentialStore credentials,
                       BridgeMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.connections = connections;
        this.credentials = credentials;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return OcppEndpointShared.PROTOCOL;
    }

    @Override
    public synchronized Uni<Void> start() {
        if (server != null) {
            return Uni.createFrom().voidItem();
        }
        shared = new OcppEndpointShared(vertx, config, metrics);
        Handshake handshake = new Handshake(shared, stacks(), connections, credentials);
        HttpServer created = vertx.createHttpServer(serverOptions()).requestHandler(handshake::handle);
        long pingMillis = config.pingInterval().toMillis();
        pingTimer = vertx.setPeriodic(pingMillis, pingMillis, id -> ping());
        AttachGate gate = shared.attachGate;
        gateTimer = vertx.setPeriodic(1_000, id -> gate.expire());
        return Uni.createFrom().completionStage(() -> created.listen(config.port(), config.host()).toCompletionStage())
                .invoke(listening -> {
                    synchronized (this) {
                        server = listening;
                    }
                    LOG.infof("OCPP listener on %s:%d (%s, TLS %s)", config.host(), listening.actualPort(),
                            config.versions(), config.tls().enabled());
                })
                .replaceWithVoid();
    }

    /** The port actually bound (differs from the configured one when that is 0); -1 before start. */
    public synchronized int port() {
        return server == null ? -1 : server.actualPort();
    }

    /** Open station connections on this adapter. */
    public int openConnections() {
        return shared == null ? 0 : shared.connections.size();
    }

    @Override
    public Uni<Void> stop() {
        HttpServer running;
        synchronized (this) {
            running = server;
            server = null;
        }
        if (running == null) {
            return Uni.createFrom().voidItem();
        }
        shared.stopping = true;
        vertx.cancelTimer(pingTimer);
        vertx.cancelTimer(gateTimer);
        List<OcppConnection> open = new ArrayList<>(shared.connections);
        for (OcppConnection connection : open) {
            connection.context.runOnContext(v -> connection.close((short) 1001, "central system shutting down"));
        }
        return Uni.createFrom().completionStage(() -> running.close().toCompletionStage());
    }

    private Map<OcppVersion, VersionStack> stacks() {
        SchemaRegistry schemas = SchemaRegistry.standard();
        PayloadValidator validator = new PayloadValidator(schemas);
        TransactionMemory memory = TransactionMemory.bounded();
        TranslationSettings settings = new TranslationSettings(config.heartbeatInterval());
        Map<OcppVersion, VersionStack> stacks = new EnumMap<>(OcppVersion.class);
        for (String token : config.versions()) {
            OcppVersion version = OcppVersion.fromSubprotocol(token.trim()).orElseThrow(() ->
                    new IllegalArgumentException("chargeplane.bridge.ocpp.versions: unknown subprotocol " + token));
            stacks.put(version, VersionStack.of(version, ActionCatalog.standard(), validator, config.maxFrameSize(),
                    OcppTranslator.forVersion(version, settings, memory, Clock.systemUTC())));
        }
        return stacks;
    }

    private HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions()
                .setMaxWebSocketFrameSize(config.maxMessageSize())
                .setMaxWebSocketMessageSize(config.maxMessageSize())
                .setWebSocketSubProtocols(config.versions().stream().map(String::trim).toList())
                .setReadIdleTimeout((int) (config.pingInterval().toMillis() * 2))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        if (config.tls().enabled()) {
            String path = config.tls().keyStore().orElseThrow(() -> new IllegalArgumentException(
                    "chargeplane.bridge.ocpp.tls.key-store is required when TLS is enabled")).toString();
            String type = path.endsWith(".jks") ? "JKS" : "PKCS12";
            options.setSsl(true).setKeyCertOptions(new KeyStoreOptions().setType(type).setPath(path)
                    .setPassword(config.tls().keyStorePassword().orElse(null)));
        }
        return options;
    }

    /**
     * One periodic timer for all connections instead of one each. A station that stops answering pings
     * has sent nothing for twice the interval and is closed by the read-idle timeout of the server.
     */
    private void ping() {
        for (OcppConnection connection : shared.connections) {
            if (!connection.isClosed()) {
                connection.ws.writePing(io.vertx.core.buffer.Buffer.buffer("cp"));
            }
        }
    }
}
