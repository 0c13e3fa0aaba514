package io.chargeplane.bridge.app;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.server.KeycloakServer;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM's real Keycloak behind a TCP pass-through that a test can cut: while cut, every connection to it is
 * reset at once and open ones are dropped, as when Keycloak's pod is gone. The bridge is pointed at the gate,
 * so a test can take Keycloak away from the bridge without stopping the engine other tests share.
 */
public class KeycloakGate implements QuarkusTestResourceLifecycleManager {

    private static volatile Gate gate;

    static Gate gate() {
        return gate;
    }

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = SharedServices.keycloak();
        try {
            gate = new Gate(keycloak.port());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the Keycloak gate", e);
        }
        return Map.of(
                "chargeplane.testkit.keycloak.url", keycloak.url(),
                "chargeplane.testkit.keycloak.admin-username", keycloak.adminUsername(),
                "chargeplane.testkit.keycloak.admin-password", keycloak.adminPassword(),
                "chargeplane.bridge.credentials.keycloak.server-url", "http://127.0.0.1:" + gate.port(),
                "chargeplane.bridge.credentials.keycloak.realm", DemoRealm.REALM,
                "chargeplane.bridge.credentials.keycloak.client-id", "mqtt-bridge",
                "chargeplane.bridge.credentials.keycloak.client-secret", DemoRealm.clientSecret("mqtt-bridge"));
    }

    @Override
    public void stop() {
        if (gate != null) {
            gate.close();
        }
    }

    static final class Gate implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;

        Gate(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread acceptor = new Thread(this::accept, "keycloak-gate");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void cut() {
            cut = true;
            for (Socket socket : open) {
                closeQuietly(socket);
            }
        }

        void restore() {
            cut = false;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (cut) {
                        client.setSoLinger(true, 0);
                        client.close();
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // closed, or one connection failed: keep accepting until the gate closes
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side went away
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                    open.remove(from);
                    open.remove(to);
                }
            }, "keycloak-gate-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() {
            cut();
            try {
                server.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
