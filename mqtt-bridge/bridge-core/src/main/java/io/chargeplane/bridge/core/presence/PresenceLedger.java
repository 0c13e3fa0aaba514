package io.chargeplane.bridge.core.presence;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.DevicePresence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which adapter instance holds each online device, from the latest presence seen on the bus, and which devices
 * were left behind when an instance went offline. Pure bookkeeping: no I/O, not thread-safe (the caller
 * serialises the calls).
 *
 * <p>Memory: one entry per device whose latest presence is online, plus the ids of instances whose latest
 * presence is offline, at most {@code deadAdaptersRemembered} (the oldest are forgotten). The second set is
 * what lets a device presence that arrives after its instance's will, as retained messages do in any order
 * when the reaper subscribes, still be recognised as orphaned.
 */
public final class PresenceLedger {

    /** A device whose latest presence is online with an instance that is now offline. */
    public record Orphan(DeviceAddress address, AdapterInstanceId adapter, Protocol protocol, Instant onlineSince) {
    }

    private record Holder(AdapterInstanceId adapter, Protocol protocol, Instant since) {
    }

    private final Map<DeviceAddress, Holder> online = new HashMap<>();
    private final Map<AdapterInstanceId, Boolean> deadAdapters;

    public PresenceLedger(int deadAdaptersRemembered) {
        if (deadAdaptersRemembered < 1) {
            throw new IllegalArgumentException("deadAdaptersRemembered must be at least 1");
        }
        this.deadAdapters = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AdapterInstanceId, Boolean> eldest) {
                return size() > deadAdaptersRemembered;
            }
        };
    }

    /**
     * The latest presence of a device. Returns the device as an orphan if it is online with an instance
     * already known to be offline; it is then forgotten, like every device that is not online.
     */
    public Optional<Orphan> onDevicePresence(DeviceAddress address, DevicePresence presence) {
        if (!presence.online()) {
            online.remove(address);
            return Optional.empty();
        }
        if (deadAdapters.containsKey(presence.adapter())) {
            online.remove(address);
            return Optional.of(new Orphan(address, presence.adapter(), presence.protocol(), presence.since()));
        }
        online.put(address, new Holder(presence.adapter(), presence.protocol(), presence.since()));
        return Optional.empty();
    }

    /**
     * The latest presence of an adapter instance. Offline: every device whose latest presence names it is
     * returned and forgotten; devices that have since reconnected elsewhere name another instance and stay.
     */
    public List<Orphan> onAdapterPresence(AdapterPresence presence) {
        AdapterInstanceId instance = presence.instance();
        if (presence.online()) {
            deadAdapters.remove(instance);
            return List.of();
        }
        deadAdapters.put(instance, Boolean.TRUE);
        List<Orphan> orphans = new ArrayList<>();
        for (Iterator<Map.Entry<DeviceAddress, Holder>> entries = online.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<DeviceAddress, Holder> entry = entries.next();
            Holder holder = entry.getValue();
            if (holder.adapter().equals(instance)) {
                orphans.add(new Orphan(entry.getKey(), instance, holder.protocol(), holder.since()));
                entries.remove();
            }
        }
        return orphans;
    }

    /** The instance the device's latest presence names, if that presence is online. */
    public Optional<AdapterInstanceId> holderOf(DeviceAddress address) {
        return Optional.ofNullable(online.get(address)).map(Holder::adapter);
    }

    public int onlineDevices() {
        return online.size();
    }
}
