package io.chargeplane.device.identity;

import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.domain.DeviceStatus;
import io.chargeplane.device.persistence.DeviceEntity;
import io.chargeplane.device.persistence.DeviceStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the registry with Keycloak's device clients shortly after start and then every
 * {@code chargeplane.device.identity.reconcile-every}, and carries out the {@link Reconciliation} plan. Several
 * instances may run it at once: every action is idempotent.
 */
@ApplicationScoped
public class IdentityReconciler {

    private static final Logger LOG = Logger.getLogger(IdentityReconciler.class);
    private static final int PAGE = 100;
    private static final long FIRST_RUN_DELAY_MS = 10_000;

    /** What one pass did. */
    public record Outcome(int devices, int clients, int repaired, int orphansDeleted, int reported) {
    }

    private final DeviceStore devices;
    private final KeycloakAdmin admin;
    private final DeviceServiceConfig.Identity config;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private volatile long timer = -1;

    public IdentityReconciler(DeviceStore devices, KeycloakAdmin admin, DeviceServiceConfig config, Vertx vertx,
                              MeterRegistry metrics) {
        this.devices = devices;
        this.admin = admin;
        this.config = config.identity();
        this.vertx = vertx;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.reconcile()) {
            vertx.setTimer(FIRST_RUN_DELAY_MS, ignored -> scheduled());
            timer = vertx.setPeriodic(config.reconcileEvery().toMillis(), ignored -> scheduled());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void scheduled() {
        run().subscribe().with(
                outcome -> LOG.infof("device identities reconciled: %s", outcome),
                failure -> LOG.warnf("device identity reconciliation failed, next try in %s: %s",
                        config.reconcileEvery(), failure.toString()));
    }

    /** One pass, from any thread. */
    public Uni<Outcome> run() {
        // Hibernate Reactive needs a safe duplicated context, which neither a timer nor a caller's thread gives.
        io.vertx.core.Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> pass().subscribe().with(
                emitter::complete, emitter::fail)));
    }

    private Uni<Outcome> pass() {
        return devices.everyDevice().flatMap(rows -> allDeviceClients().flatMap(clients -> {
            List<DeviceIdentities.Desired> desired = rows.stream().map(IdentityReconciler::desired).toList();
            Map<String, JsonObject> byKeycloakId = new HashMap<>();
            List<Reconciliation.Client> seen = new ArrayList<>();
            for (JsonObject client : clients) {
                byKeycloakId.put(client.getString("id"), client);
                seen.add(new Reconciliation.Client(client.getString("id"), client.getString("clientId"),
                        client.getBoolean("enabled", false), attributes(client)));
            }
            List<Reconciliation.Action> plan = Reconciliation.plan(desired, seen, Instant.now(), config.orphanGrace());
            return Multi.createFrom().iterable(plan)
                    .onItem().transformToUniAndConcatenate(action -> execute(action, byKeycloakId))
                    .collect().asList()
                    .map(done -> outcome(rows.size(), seen.size(), plan));
        }));
    }

    private Uni<Void> execute(Reconciliation.Action action, Map<String, JsonObject> clients) {
        return switch (action) {
            case Reconciliation.Repair repair -> admin.updateClient(repair.keycloakId(),
                            DeviceIdentities.desired(clients.get(repair.keycloakId()), repair.desired()))
                    .invoke(() -> count("repaired"))
                    .invoke(() -> LOG.infof("device client of %s repaired: enabled=%s", repair.desired().identity(),
                            repair.desired().enabled()));
            case Reconciliation.DeleteOrphan orphan -> admin.deleteClient(orphan.keycloakId())
                    .invoke(() -> count("orphan_deleted"))
                    .invoke(() -> LOG.infof("device client %s without a device deleted", orphan.clientId()));
            case Reconciliation.Report report -> Uni.createFrom().voidItem()
                    .invoke(() -> count("reported"))
                    .invoke(() -> LOG.warnf("device %s: %s", report.identity(), report.problem()));
        };
    }

    private Uni<List<JsonObject>> allDeviceClients() {
        return Multi.createBy().repeating()
                .uni(() -> new int[]{0}, page -> admin.listClients(DeviceClients.CLIENT_ID_PREFIX, page[0]++ * PAGE, PAGE))
                .whilst(found -> found.size() == PAGE)
                .onItem().<JsonObject>disjoint()
                .collect().asList();
    }

    private void count(String outcome) {
        metrics.counter("chargeplane.device.identity.reconciled", "outcome", outcome).increment();
    }

    private static Outcome outcome(int devices, int clients, List<Reconciliation.Action> plan) {
        int repaired = 0;
        int deleted = 0;
        int reported = 0;
        for (Reconciliation.Action action : plan) {
            switch (action) {
                case Reconciliation.Repair r -> repaired++;
                case Reconciliation.DeleteOrphan d -> deleted++;
                case Reconciliation.Report r -> reported++;
            }
        }
        return new Outcome(devices, clients, repaired, deleted, reported);
    }

    private static Map<String, String> attributes(JsonObject client) {
        Map<String, String> attributes = new HashMap<>();
        JsonObject json = client.getJsonObject("attributes");
        if (json != null) {
            json.forEach(e -> attributes.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return attributes;
    }

    private static DeviceIdentities.Desired desired(DeviceEntity d) {
        return new DeviceIdentities.Desired(d.tenantId, d.identity, d.protocol.wireName(),
                d.status == DeviceStatus.ENABLED);
    }
}
