package io.chargeplane.charging.it;

import io.chargeplane.testkit.server.SharedServices;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This module's packaged application ({@code target/quarkus-app/quarkus-run.jar}, built before the ITs run) as a
 * child process on the test kit's engines, so that a test can stop it and start it again like a pod restart.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServiceProcess start(String database, int port, Path log) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the ITs through 'mvn verify'");
        }
        var pg = SharedServices.postgres();
        pg.createDatabase(database);
        var redis = SharedServices.redis();
        var mqtt = SharedServices.mqtt();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.username=" + pg.username(),
                "-Dquarkus.datasource.password=" + pg.password(),
                "-Dquarkus.datasource.jdbc.url=" + pg.jdbcUrl(database),
                "-Dquarkus.datasource.reactive.url=" + pg.reactiveUrl(database),
                "-Dquarkus.redis.hosts=redis://" + redis.host() + ":" + redis.port(),
                "-Dquarkus.oidc.auth-server-url=" + SharedServices.keycloak().realmUrl(),
                "-Dkafka.bootstrap.servers=" + SharedServices.kafka().bootstrapServers(),
                // Its own consumer group, named after its database so that a restart resumes from the committed
                // offset; sharing "charging-service" with the test JVM's application would hand that application
                // the partitions (and the events) this process is meant to see.
                "-Dmp.messaging.incoming.device-events.group.id=charging-it-" + database,
                // A killed member says no goodbye: the broker frees its partitions after the session timeout, which
                // is 45 s by default; the restarted process would wait that long before it sees any event.
                "-Dmp.messaging.incoming.device-events.session.timeout.ms=6000",
                "-Dmp.messaging.incoming.device-events.heartbeat.interval.ms=1000",
                "-Dchargeplane.charging.mqtt.host=" + mqtt.host(),
                "-Dchargeplane.charging.mqtt.port=" + mqtt.port(),
                "-Dchargeplane.charging.device-service.url=http://127.0.0.1:9",
                "-Dchargeplane.charging.billing-service.url=http://127.0.0.1:9",
                "-Dchargeplane.charging.outbox.poll-every=200ms",
                "-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceProcess service = new ServiceProcess(process, port);
        service.awaitReady(Duration.ofSeconds(90), log);
        return service;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    private void awaitReady(Duration within, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("charging-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("charging-service not ready within " + within + "; see " + log);
    }

    /** A graceful stop (SIGTERM), as Kubernetes stops a pod. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A crash: no shutdown hooks, no goodbye to Kafka or the broker. */
    void kill() throws Exception {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
