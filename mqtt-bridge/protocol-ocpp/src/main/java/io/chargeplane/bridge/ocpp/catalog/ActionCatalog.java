package io.chargeplane.bridge.ocpp.catalog;

import io.chargeplane.bridge.ocpp.rpc.OcppVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.chargeplane.bridge.ocpp.catalog.Direction.BOTH;
import static io.chargeplane.bridge.ocpp.catalog.Direction.CSMS_TO_STATION;
import static io.chargeplane.bridge.ocpp.catalog.Direction.STATION_TO_CSMS;
import static io.chargeplane.bridge.ocpp.catalog.FeatureGroup.*;

/**
 * Every action the OCPP message layer supports, per version: who sends it and which profile or functional
 * block it belongs to. Each listed action has a request and a response schema in the
 * {@link io.chargeplane.bridge.ocpp.schema.SchemaRegistry}; an action not listed here is answered with
 * {@code NotImplemented}.
 *
 * <p>Immutable and thread-safe; use {@link #standard()}.
 */
public final class ActionCatalog {

    private static final ActionCatalog STANDARD = build();

    private final Map<OcppVersion, Map<String, ActionSpec>> byVersion;

    private ActionCatalog(Map<OcppVersion, Map<String, ActionSpec>> byVersion) {
        this.byVersion = byVersion;
    }

    /** The catalogue of OCPP 1.6J and 2.0.1 actions described in {@code docs/protocols/ocpp.md}. */
    public static ActionCatalog standard() {
        return STANDARD;
    }

    /** The action's entry, empty when the version has no such action or this layer does not support it. */
    public Optional<ActionSpec> find(OcppVersion version, String action) {
        return Optional.ofNullable(byVersion.get(version).get(action));
    }

    public boolean contains(OcppVersion version, String action) {
        return byVersion.get(version).containsKey(action);
    }

    /** All actions of a version in specification order. */
    public List<ActionSpec> actions(OcppVersion version) {
        return List.copyOf(byVersion.get(version).values());
    }

    /** The actions whose CALL may travel in {@code travel} ({@link Direction#BOTH} ones included). */
    public List<ActionSpec> actions(OcppVersion version, Direction travel) {
        List<ActionSpec> out = new ArrayList<>();
        for (ActionSpec spec : byVersion.get(version).values()) {
            if (spec.direction().allows(travel)) {
                out.add(spec);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The actions of one 1.6 feature profile or 2.0.1 functional block. */
    public List<ActionSpec> actions(FeatureGroup group) {
        List<ActionSpec> out = new ArrayList<>();
        for (ActionSpec spec : byVersion.get(group.version()).values()) {
            if (spec.group() == group) {
                out.add(spec);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static ActionCatalog build() {
        Map<OcppVersion, Map<String, ActionSpec>> map = new EnumMap<>(OcppVersion.class);
        Map<String, ActionSpec> v16 = new LinkedHashMap<>();
        put(v16, OcppVersion.OCPP16, CORE, STATION_TO_CSMS, "Authorize", "BootNotification", "Heartbeat",
                "MeterValues", "StartTransaction", "StatusNotification", "StopTransaction");
        put(v16, OcppVersion.OCPP16, CORE, CSMS_TO_STATION, "ChangeAvailability", "ChangeConfiguration",
                "ClearCache", "GetConfiguration", "RemoteStartTransaction", "RemoteStopTransaction", "Reset",
                "UnlockConnector");
        put(v16, OcppVersion.OCPP16, CORE, BOTH, "DataTransfer");
        put(v16, OcppVersion.OCPP16, FIRMWARE_MANAGEMENT, STATION_TO_CSMS, "DiagnosticsStatusNotification",
                "FirmwareStatusNotification");
        put(v16, OcppVersion.OCPP16, FIRMWARE_MANAGEMENT, CSMS_TO_STATION, "GetDiagnostics", "UpdateFirmware");
        put(v16, OcppVersion.OCPP16, LOCAL_AUTH_LIST_MANAGEMENT, CSMS_TO_STATION, "GetLocalListVersion",
                "SendLocalList");
        put(v16, OcppVersion.OCPP16, RESERVATION, CSMS_TO_STATION, "ReserveNow", "CancelReservation");
        put(v16, OcppVersion.OCPP16, SMART_CHARGING, CSMS_TO_STATION, "SetChargingProfile",
                "ClearChargingProfile", "GetCompositeSchedule");
        put(v16, OcppVersion.OCPP16, REMOTE_TRIGGER, CSMS_TO_STATION, "TriggerMessage");
        map.put(OcppVersion.OCPP16, Collections.unmodifiableMap(v16));

        Map<String, ActionSpec> v201 = new LinkedHashMap<>();
        put(v201, OcppVersion.OCPP201, SECURITY_201, STATION_TO_CSMS, "SecurityEventNotification");
        put(v201, OcppVersion.OCPP201, PROVISIONING_201, STATION_TO_CSMS, "BootNotification", "NotifyReport");
        put(v201, OcppVersion.OCPP201, PROVISIONING_201, CSMS_TO_STATION, "GetVariables", "SetVariables",
                "GetBaseReport", "Reset");
        put(v201, OcppVersion.OCPP201, AUTHORIZATION_201, STATION_TO_CSMS, "Authorize");
        put(v201, OcppVersion.OCPP201, AUTHORIZATION_201, CSMS_TO_STATION, "ClearCache");
        put(v201, OcppVersion.OCPP201, LOCAL_AUTHORIZATION_LIST_201, CSMS_TO_STATION, "GetLocalListVersion",
                "SendLocalList");
        put(v201, OcppVersion.OCPP201, TRANSACTIONS_201, STATION_TO_CSMS, "TransactionEvent");
        put(v201, OcppVersion.OCPP201, TRANSACTIONS_201, CSMS_TO_STATION, "GetTransactionStatus");
        put(v201, OcppVersion.OCPP201, REMOTE_CONTROL_201, CSMS_TO_STATION, "RequestStartTransaction",
                "RequestStopTransaction", "TriggerMessage", "UnlockConnector");
        put(v201, OcppVersion.OCPP201, AVAILABILITY_201, STATION_TO_CSMS, "StatusNotification", "Heartbeat");
        put(v201, OcppVersion.OCPP201, AVAILABILITY_201, CSMS_TO_STATION, "ChangeAvailability");
        put(v201, OcppVersion.OCPP201, RESERVATION_201, STATION_TO_CSMS, "ReservationStatusUpdate");
        put(v201, OcppVersion.OCPP201, RESERVATION_201, CSMS_TO_STATION, "ReserveNow", "CancelReservation");
        put(v201, OcppVersion.OCPP201, METER_VALUES_201, STATION_TO_CSMS, "MeterValues");
        put(v201, OcppVersion.OCPP201, SMART_CHARGING_201, CSMS_TO_STATION, "SetChargingProfile",
                "ClearChargingProfile", "GetCompositeSchedule");
        put(v201, OcppVersion.OCPP201, FIRMWARE_MANAGEMENT_201, STATION_TO_CSMS, "FirmwareStatusNotification");
        put(v201, OcppVersion.OCPP201, FIRMWARE_MANAGEMENT_201, CSMS_TO_STATION, "UpdateFirmware");
        put(v201, OcppVersion.OCPP201, DATA_TRANSFER_201, BOTH, "DataTransfer");
        map.put(OcppVersion.OCPP201, Collections.unmodifiableMap(v201));
        return new ActionCatalog(map);
    }

    private static void put(Map<String, ActionSpec> into, OcppVersion version, FeatureGroup group,
                            Direction direction, String... actions) {
        for (String action : actions) {
            if (into.putIfAbsent(action, new ActionSpec(version, action, direction, group)) != null) {
                throw new IllegalStateException("duplicate action " + action + " in " + version);
            }
        }
    }
}
