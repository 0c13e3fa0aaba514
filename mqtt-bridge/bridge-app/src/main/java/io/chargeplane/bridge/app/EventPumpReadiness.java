package io.chargeplane.bridge.app;

import io.chargeplane.bridge.pump.EventPump;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * With the {@code pump} role: ready while the pump holds its shared subscription on the bus and Kafka answers.
 * Not ready means events wait in the broker, not that they are lost. Without the role it reports UP and says so.
 */
@Readiness
@ApplicationScoped
public class EventPumpReadiness implements AsyncHealthCheck {

    private static final Duration KAFKA_PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    BridgeLifecycle lifecycle;

    @Override
    public Uni<HealthCheckResponse> call() {
        EventPump pump = lifecycle.pump();
        if (pump == null) {
            return Uni.createFrom().item(HealthCheckResponse.named("event-pump").up().withData("enabled", false).build());
        }
        return Uni.createFrom().completionStage(() -> pump.kafkaReachable(KAFKA_PROBE_TIMEOUT)).map(kafka ->
                HealthCheckResponse.named("event-pump")
                        .status(kafka && pump.isSubscribed() && pump.isStarted())
                        .withData("enabled", true)
                        .withData("clientId", pump.clientId())
                        .withData("busSubscribed", pump.isSubscribed())
                        .withData("kafkaReachable", kafka)
                        .withData("inFlight", pump.inFlight())
                        .build());
    }
}
