package io.chargeplane.bridge.app;

import io.chargeplane.bridge.core.spi.ProtocolAdapter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Picks the adapters named in {@code chargeplane.bridge.protocols} out of those on the class path. */
final class ProtocolSelection {

    private ProtocolSelection() {
    }

    /**
     * The adapters to run, in configured order. Fails with a message naming the unknown entries and the
     * available ones, because a bridge that silently runs no protocol looks healthy while refusing every device.
     */
    static List<ProtocolAdapter> select(List<String> configured, Iterable<ProtocolAdapter> available) {
        Map<String, ProtocolAdapter> byName = new LinkedHashMap<>();
        for (ProtocolAdapter adapter : available) {
            ProtocolAdapter clash = byName.putIfAbsent(normalise(adapter.name()), adapter);
            if (clash != null) {
                throw new IllegalStateException("Two protocol adapters are both named '" + adapter.name() + "': "
                        + clash.getClass().getName() + " and " + adapter.getClass().getName());
            }
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        for (String name : configured) {
            if (!name.isBlank()) {
                wanted.add(normalise(name));
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalStateException("chargeplane.bridge.protocols is empty: name at least one of "
                    + new TreeSet<>(byName.keySet()));
        }
        List<String> unknown = wanted.stream().filter(name -> !byName.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("chargeplane.bridge.protocols names unknown protocol adapter(s) " + unknown
                    + "; available: " + new TreeSet<>(byName.keySet()));
        }
        List<ProtocolAdapter> selected = new ArrayList<>();
        for (String name : wanted) {
            selected.add(byName.get(name));
        }
        return selected;
    }

    private static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
