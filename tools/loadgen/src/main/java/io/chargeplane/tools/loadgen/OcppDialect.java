package io.chargeplane.tools.loadgen;

import java.util.Locale;

/**
 * The two OCPP-J versions a simulated charger can speak, and the station-to-CSMS frames the scenarios send.
 * Frames are built as text: the generator must cost far less per CALL than the system it measures.
 */
public enum OcppDialect {
    OCPP16("ocpp1.6"),
    OCPP201("ocpp2.0.1");

    private final String subprotocol;

    OcppDialect(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    /** The WebSocket subprotocol token offered in the upgrade. */
    public String subprotocol() {
        return subprotocol;
    }

    /** Accepts {@code 1.6}, {@code 16}, {@code ocpp1.6}, {@code 2.0.1}, {@code 201}, {@code ocpp2.0.1}. */
    public static OcppDialect parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("ocpp", "");
        return switch (t) {
            case "1.6", "16", "1.6j" -> OCPP16;
            case "2.0.1", "201" -> OCPP201;
            default -> throw new IllegalArgumentException("unknown OCPP version '" + text + "' (1.6 or 2.0.1)");
        };
    }

    public String bootNotification(String messageId, String stationId) {
        return bootNotification(messageId, stationId, "Loadgen");
    }

    /**
     * A BootNotification CALL naming the station's model (at most 20 characters, letters and digits: it is put
     * into the frame as is). The 2.0.1 reason is always {@code PowerUp}, which is also true after a reset.
     */
    public String bootNotification(String messageId, String stationId, String model) {
        return switch (this) {
            case OCPP16 -> "[2,\"" + messageId + "\",\"BootNotification\",{\"chargePointVendor\":\"Chargeplane\","
                    + "\"chargePointModel\":\"" + model + "\",\"chargePointSerialNumber\":\"" + stationId + "\"}]";
            case OCPP201 -> "[2,\"" + messageId + "\",\"BootNotification\",{\"reason\":\"PowerUp\","
                    + "\"chargingStation\":{\"model\":\"" + model + "\",\"vendorName\":\"Chargeplane\",\"serialNumber\":\""
                    + stationId + "\"}}]";
        };
    }

    /**
     * A MeterValues CALL with one energy register on EVSE 1, so the bridge publishes exactly one
     * {@code meter_sample} per CALL.
     *
     * @param registerWh the import register in Wh (monotonic per charger)
     * @param timestamp an RFC 3339 UTC time
     */
    public String meterValues(String messageId, long registerWh, String timestamp) {
        return switch (this) {
            case OCPP16 -> "[2,\"" + messageId + "\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\""
                    + timestamp + "\",\"sampledValue\":[{\"value\":\"" + registerWh
                    + "\",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}]";
            case OCPP201 -> "[2,\"" + messageId + "\",\"MeterValues\",{\"evseId\":1,\"meterValue\":[{\"timestamp\":\""
                    + timestamp + "\",\"sampledValue\":[{\"value\":" + registerWh
                    + ",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\","
                    + "\"unitOfMeasure\":{\"unit\":\"Wh\"}}]}]}]";
        };
    }
}
