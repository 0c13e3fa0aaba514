package io.chargeplane.bridge.ocpp.server;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Security profile 2 set-up: a key store made by the JDK's keytool for 127.0.0.1, once per test JVM, the
 * adapter configuration that uses it (read through the real mapping, defaults included), and an SSL context
 * that trusts exactly that certificate.
 */
final class TlsProfile {

    static final String PASSWORD = "changeit-tls";
    static final Path KEY_STORE = createKeyStore();

    private TlsProfile() {
    }

    static OcppConfig config() {
        Map<String, String> properties = Map.of(
                "chargeplane.bridge.ocpp.port", "0",
                "chargeplane.bridge.ocpp.host", "127.0.0.1",
                "chargeplane.bridge.ocpp.tls.enabled", "true",
                "chargeplane.bridge.ocpp.tls.key-store", KEY_STORE.toString(),
                "chargeplane.bridge.ocpp.tls.key-store-password", PASSWORD);
        return new SmallRyeConfigBuilder().withMapping(OcppConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "tls-it", 500)).build()
                .getConfigMapping(OcppConfig.class);
    }

    private static Path createKeyStore() {
        try {
            Path dir = Files.createTempDirectory("ocpp-tls");
            Path store = dir.resolve("server.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "ocpp",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1",
                    "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SSLContext trustingTheServer() throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEY_STORE)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ocpp", server.getCertificate("ocpp"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
