package io.chargeplane.bridge.app;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What one bridge instance does, from {@code chargeplane.bridge.roles}. */
enum BridgeRoles {
    /** Terminates device protocols with the adapters named in {@code chargeplane.bridge.protocols}. */
    ADAPTER,
    /** Moves device events from the bus into Kafka ({@code chargeplane.bridge.pump.*}). */
    PUMP;

    /**
     * The roles named, case-insensitively. An unknown or missing role stops startup: an instance that silently
     * does nothing looks healthy while the platform misses its events.
     */
    static Set<BridgeRoles> parse(List<String> configured) {
        EnumSet<BridgeRoles> roles = EnumSet.noneOf(BridgeRoles.class);
        for (String name : configured) {
            if (name.isBlank()) {
                continue;
            }
            try {
                roles.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("chargeplane.bridge.roles names unknown role '" + name.trim()
                        + "'; available: adapter, pump");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException("chargeplane.bridge.roles is empty: name adapter, pump or both");
        }
        return roles;
    }
}
