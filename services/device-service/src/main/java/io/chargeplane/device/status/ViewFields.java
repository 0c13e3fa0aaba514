package io.chargeplane.device.status;

/**
 * Field names of the Redis hash that holds one device's live status. Connector and meter fields are keyed by
 * location: {@code station}, {@code <evse>} or {@code <evse>/<connector>}.
 */
public final class ViewFields {

    public static final String TENANT = "tenant";
    public static final String IDENTITY = "identity";
    public static final String ONLINE = "online";
    public static final String ADAPTER = "adapter";
    public static final String PROTOCOL = "protocol";
    /** Time of the presence state held, epoch ms. */
    public static final String PRESENCE_AT = "presenceAt";
    public static final String LAST_SEEN = "lastSeen";
    public static final String UPDATED = "updated";

    static final String CONNECTOR_PREFIX = "c:";
    static final String METER_PREFIX = "m:";
    public static final String STATION = "station";

    private ViewFields() {
    }

    public static String location(Integer evse, Integer connector) {
        if (evse == null) {
            return STATION;
        }
        return connector == null ? evse.toString() : evse + "/" + connector;
    }

    static String connector(String location, String part) {
        return CONNECTOR_PREFIX + location + ":" + part;
    }

    static String meter(String location, String part) {
        return METER_PREFIX + location + ":" + part;
    }
}
