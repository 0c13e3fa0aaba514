package io.chargeplane.device.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A device's live status as read from its Redis hash.
 *
 * @param online          false also for a device never seen
 * @param adapter         the adapter instance holding (or that last held) the connection
 * @param presenceChanged when the device last went online or offline
 * @param connectors      per location (station, EVSE or connector) the last status reported
 * @param meters          per location the last reading: power in W, energy register in mWh
 */
public record LiveView(UUID deviceId, String identity, boolean online, String adapter, String protocol,
                       Instant presenceChanged, Instant lastSeen, Instant updated, List<Connector> connectors,
                       List<Meter> meters) {

    /** @param evse null for the whole station; @param connector null for a whole EVSE */
    public record Connector(Integer evse, Integer connector, String status, String errorCode, Instant since) {
    }

    public record Meter(Integer evse, Integer connector, Long powerW, Long energyRegisterMwh, Instant at) {
    }

    public static LiveView of(UUID deviceId, String identity, Map<String, String> fields) {
        Map<String, Map<String, String>> connectorParts = new TreeMap<>();
        Map<String, Map<String, String>> meterParts = new TreeMap<>();
        fields.forEach((field, value) -> {
            if (field.endsWith("#id")) {
                return;
            }
            if (field.startsWith(ViewFields.CONNECTOR_PREFIX)) {
                collect(connectorParts, field.substring(ViewFields.CONNECTOR_PREFIX.length()), value);
            } else if (field.startsWith(ViewFields.METER_PREFIX)) {
                collect(meterParts, field.substring(ViewFields.METER_PREFIX.length()), value);
            }
        });
        List<Connector> connectors = new ArrayList<>();
        connectorParts.forEach((location, parts) -> {
            Integer[] at = location(location);
            String error = parts.get("error");
            connectors.add(new Connector(at[0], at[1], parts.get("status"), error == null || error.isEmpty() ? null : error,
                    instant(parts.get("at"))));
        });
        List<Meter> meters = new ArrayList<>();
        meterParts.forEach((location, parts) -> {
            Integer[] at = location(location);
            meters.add(new Meter(at[0], at[1], number(parts.get("powerW")), number(parts.get("energyMwh")),
                    instant(parts.get("at"))));
        });
        Comparator<Integer> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        connectors.sort(Comparator.comparing(Connector::evse, nullsFirst).thenComparing(Connector::connector, nullsFirst));
        meters.sort(Comparator.comparing(Meter::evse, nullsFirst).thenComparing(Meter::connector, nullsFirst));
        String adapter = fields.get(ViewFields.ADAPTER);
        return new LiveView(deviceId, identity, "1".equals(fields.get(ViewFields.ONLINE)),
                adapter == null || adapter.isEmpty() ? null : adapter, fields.get(ViewFields.PROTOCOL),
                instant(fields.get(ViewFields.PRESENCE_AT)), instant(fields.get(ViewFields.LAST_SEEN)),
                instant(fields.get(ViewFields.UPDATED)), List.copyOf(connectors), List.copyOf(meters));
    }

    /** {@code <location>:<part>}, where the location itself may hold a {@code /}. */
    private static void collect(Map<String, Map<String, String>> into, String rest, String value) {
        int split = rest.lastIndexOf(':');
        if (split > 0) {
            into.computeIfAbsent(rest.substring(0, split), k -> new TreeMap<>()).put(rest.substring(split + 1), value);
        }
    }

    private static Integer[] location(String location) {
        if (location.equals(ViewFields.STATION)) {
            return new Integer[] {null, null};
        }
        int slash = location.indexOf('/');
        return slash < 0 ? new Integer[] {Integer.valueOf(location), null}
                : new Integer[] {Integer.valueOf(location.substring(0, slash)), Integer.valueOf(location.substring(slash + 1))};
    }

    private static Instant instant(String epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
