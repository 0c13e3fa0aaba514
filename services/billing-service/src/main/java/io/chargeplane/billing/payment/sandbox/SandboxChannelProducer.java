package io.chargeplane.billing.payment.sandbox;

import io.chargeplane.billing.config.BillingConfig;
import io.chargeplane.billing.payment.spi.PaymentChannel;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Makes the sandbox channel a bean when {@code chargeplane.billing.sandbox.enabled} is true. */
@ApplicationScoped
public class SandboxChannelProducer {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-channel");
        t.setDaemon(true);
        return t;
    });

    @Produces
    @ApplicationScoped
    @LookupIfProperty(name = "chargeplane.billing.sandbox.enabled", stringValue = "true", lookupIfMissing = true)
    PaymentChannel sandbox(BillingConfig config) {
        BillingConfig.Sandbox sandbox = config.sandbox();
        return new SandboxChannel(new SandboxSettings(sandbox.secret(),
                () -> sandbox.callbackUrl().orElseGet(SandboxChannelProducer::ownCallback),
                sandbox.notifyDelay(), sandbox.maxAttempts(), sandbox.signatureMaxAge()),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), timer, Clock.systemUTC());
    }

    void stop(@Disposes PaymentChannel channel) {
        timer.shutdownNow();
    }

    /**
     * This instance's own callback. Read when a notification is sent, because with port 0 the HTTP port is known
     * only once the server listens (Quarkus then publishes it as a system property).
     */
    private static URI ownCallback() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String port = System.getProperty(key);
        if (port == null) {
            port = ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("8080");
        }
        return URI.create("http://127.0.0.1:" + port + "/api/v1/payments/callbacks/" + SandboxChannel.NAME);
    }
}
