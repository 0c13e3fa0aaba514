package io.chargeplane.device.status;

import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.DeviceEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Applies device events to the live status: the Redis view, the PostgreSQL history and the status streams.
 *
 * <p>Every step is idempotent on its own (the view compares event times and remembers which event set each
 * state, the history is unique per event id), so a re-delivery after a crash at any point repairs rather than
 * duplicates; the processed-event mark written last only spares the work for plain duplicates.
 */
@ApplicationScoped
public class LiveStatusProcessor {

    private static final Logger LOG = Logger.getLogger(LiveStatusProcessor.class);

    private final LiveStatusStore view;
    private final DeviceDirectory directory;
    private final StatusHistory history;
    private final StatusBroadcaster broadcaster;
    private final MeterRegistry meters;
    private final Timer delay;

    public LiveStatusProcessor(LiveStatusStore view, DeviceDirectory directory, StatusHistory history,
                               StatusBroadcaster broadcaster, MeterRegistry meters) {
        this.view = view;
        this.directory = directory;
        this.history = history;
        this.broadcaster = broadcaster;
        this.meters = meters;
        this.delay = Timer.builder("chargeplane.device.status.delay")
                .description("From the event's time to its state in the Redis view")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public Uni<Void> process(CanonicalEvent<? extends DeviceEvent> event) {
        String eventId = event.id().value();
        return view.processed(eventId).flatMap(seen -> {
            if (seen) {
                count("duplicate");
                return Uni.createFrom().voidItem();
            }
            return directory.find(event.tenant(), event.device()).flatMap(device -> {
                if (device == null) {
                    count("unknown_device");
                    LOG.infof("Event %s of unregistered device %s/%s skipped", eventId, event.tenant(), event.device());
                    return view.markProcessed(eventId);
                }
                return apply(event, device).call(() -> view.markProcessed(eventId));
            });
        });
    }

    private Uni<Void> apply(CanonicalEvent<? extends DeviceEvent> event, DeviceDirectory.DeviceRef device) {
        return viewUpdate(event).flatMap(update -> view.apply(device.id(), device.tenant(), device.identity(),
                        event.id().value(), event.time().toEpochMilli(), update)
                .flatMap(result -> {
                    // A device clock ahead of ours would give a negative delay: counted as none.
                    delay.record(Math.max(0, Duration.between(event.time(), Instant.now()).toNanos()), TimeUnit.NANOSECONDS);
                    count(switch (result) {
                        case LiveStatusStore.STALE -> "stale";
                        case LiveStatusStore.REAPPLIED -> "reapplied";
                        default -> "applied";
                    });
                    if (update.change() == null || (result != LiveStatusStore.CHANGED && result != LiveStatusStore.REAPPLIED)) {
                        return Uni.createFrom().voidItem();
                    }
                    StatusChange change = update.change().forDevice(device.id());
                    Uni<Void> remember = Boolean.TRUE.equals(change.online()) && change.adapter() != null
                            ? view.rememberAdapter(change.adapter(), device.id())
                            : Uni.createFrom().voidItem();
                    return remember.call(() -> history.record(change)).call(() -> broadcaster.publish(change));
                }));
    }

    /** A {@code connected} through an adapter that has died since is history, not the device's state. */
    private Uni<ViewUpdate> viewUpdate(CanonicalEvent<? extends DeviceEvent> event) {
        ViewUpdate update = ViewUpdates.of(event);
        if (!(event.data() instanceof Connected) || event.adapter() == null) {
            return Uni.createFrom().item(update);
        }
        return view.deathOf(event.adapter().value()).map(death -> {
            if (death != null && event.time().toEpochMilli() <= death) {
                count("adapter_dead");
                return ViewUpdate.aliveOnly();
            }
            return update;
        });
    }

    /**
     * The adapter instance vanished (its last will said offline): every device whose connection it held is offline
     * from {@code at}, unless the device has connected through another adapter since.
     */
    public Uni<Void> adapterDied(String adapter, Instant at) {
        long deathMs = at.toEpochMilli();
        return view.markDead(adapter, deathMs)
                .chain(() -> view.devicesOf(adapter))
                .onItem().transformToMulti(devices -> Multi.createFrom().iterable(devices))
                .onItem().transformToUniAndConcatenate(device -> offline(adapter, device, at))
                .collect().asList()
                .invoke(changed -> LOG.infof("Adapter %s is offline; %d device(s) taken offline with it", adapter,
                        changed.stream().filter(Boolean::booleanValue).count()))
                .replaceWithVoid();
    }

    public Uni<Void> adapterOnline(String adapter, Instant since) {
        return view.deathOf(adapter).flatMap(death -> death != null && since != null && since.toEpochMilli() > death
                ? view.clearDeath(adapter) : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> offline(String adapter, UUID device, Instant at) {
        return view.offlineIfHeldBy(device, adapter, at.toEpochMilli()).flatMap(changed -> {
            if (!changed) {
                return view.forgetAdapterDevice(adapter, device).replaceWith(false);
            }
            return view.read(device).flatMap(fields -> {
                StatusChange change = new StatusChange("adapter-offline:" + adapter + ":" + device + ":" + at.toEpochMilli(),
                        fields.get(ViewFields.TENANT), device, fields.get(ViewFields.IDENTITY), StatusChange.Kind.PRESENCE,
                        false, adapter, "adapter_offline", null, null, null, null, at);
                return history.record(change).call(() -> broadcaster.publish(change))
                        .call(() -> view.forgetAdapterDevice(adapter, device));
            }).replaceWith(true);
        });
    }

    private void count(String outcome) {
        meters.counter("chargeplane.device.status.events", "outcome", outcome).increment();
    }
}
