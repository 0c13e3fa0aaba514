package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Energy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TransactionEvent Started / Updated / Ended → TransactionStarted / Updated / Ended plus one MeterSample per
 * meterValue element that carries an energy register, in the order 1.6 produces them (start event before
 * its samples, samples before the end event).
 *
 * <p>Started without an energy register starts at the register 0 only if nothing better is known; Ended
 * without a register uses the newest register this adapter saw for the transaction.
 */
final class Ocpp201Transactions {

    record Translated(List<DeviceEvent> events, EvseId evse, ConnectorId connector) {
    }

    private final TransactionMemory memory;

    Ocpp201Transactions(TransactionMemory memory) {
        this.memory = memory;
    }

    Translated translate(String station, ObjectNode p) {
        JsonNode info = p.get("transactionInfo");
        String id = Payloads.text(info, "transactionId");
        TransactionRef ref = TransactionRef.ofDevice(id);
        Instant at = Payloads.instant(p, "timestamp");
        JsonNode evseNode = p.get("evse");
        Optional<TransactionMemory.Running> known = memory.find(station, id);
        EvseId evse = evseNode != null ? Payloads.evse(Payloads.integer(evseNode, "id"))
                : known.map(TransactionMemory.Running::evse).orElse(null);
        ConnectorId connector = evseNode != null ? Payloads.connector(Payloads.integer(evseNode, "connectorId"))
                : known.map(TransactionMemory.Running::connector).orElse(null);
        if (evse == null) {
            connector = null;
        }
        JsonNode tokenNode = p.get("idToken");
        IdToken token = tokenNode == null ? null : Ocpp201Translator.idToken(tokenNode);
        List<MeterReadings.Reading> readings = MeterReadings.read(p.get("meterValue"), MeterReadings.Flavor.OCPP201);
        List<DeviceEvent> events = new ArrayList<>();
        switch (Payloads.text(p, "eventType")) {
            case "Started" -> {
                EvseId startEvse = evse == null ? EvseId.of(1) : evse;
                Energy initial = MeterReadings.initialRegister(readings);
                Energy meterStart = initial == null ? Energy.ZERO : initial;
                memory.started(station, id, new TransactionMemory.Running(startEvse, connector, token, meterStart, at,
                        meterStart));
                events.add(new TransactionStarted(ref, startEvse, connector, token, meterStart, at));
                samples(readings, startEvse, ref, events);
            }
            case "Updated" -> {
                samples(readings, evse, ref, events);
                Energy register = MeterReadings.finalRegister(readings);
                MeterReadings.Reading latest = readings.isEmpty() ? null : readings.get(readings.size() - 1);
                if (register != null) {
                    memory.register(station, id, register);
                }
                events.add(new TransactionUpdated(ref, at, register, latest == null ? null : latest.power(),
                        latest == null ? null : latest.soc(), null));
            }
            case "Ended" -> ended(station, p, ref, id, at, evse, connector, token, readings, events);
            default -> throw new UntranslatableException("$.eventType: unknown " + Payloads.text(p, "eventType"));
        }
        return new Translated(events, evse, connector);
    }

    private void ended(String station, ObjectNode p, TransactionRef ref, String id, Instant at, EvseId evse,
                       ConnectorId connector, IdToken token, List<MeterReadings.Reading> readings,
                       List<DeviceEvent> events) {
        Optional<TransactionMemory.Running> known = memory.ended(station, id);
        EvseId endEvse = evse != null ? evse : known.map(TransactionMemory.Running::evse).orElse(EvseId.of(1));
        samples(readings, endEvse, ref, events);
        Energy finalRegister = MeterReadings.finalRegister(readings);
        Energy meterStart;
        Instant startedAt = known.map(TransactionMemory.Running::startedAt).orElse(null);
        Energy meterStop;
        if (known.isPresent()) {
            meterStart = known.get().meterStart();
            meterStop = finalRegister != null ? finalRegister : known.get().lastRegister();
        } else {
            Energy initial = MeterReadings.initialRegister(readings);
            meterStop = finalRegister != null ? finalRegister : Energy.ZERO;
            meterStart = initial == null || initial.compareTo(meterStop) > 0 ? meterStop : initial;
            events.add(Ocpp16Translator.unknownStart(id));
        }
        if (meterStop.compareTo(meterStart) < 0) {
            throw new UntranslatableException("$.meterValue: the final energy register " + meterStop
                    + " is below the start register " + meterStart);
        }
        if (startedAt != null && at.isBefore(startedAt)) {
            startedAt = null;
        }
        events.add(new TransactionEnded(ref, endEvse, connector, token, meterStart, meterStop, startedAt, at,
                Vocabulary.stopReason(Payloads.text(p.get("transactionInfo"), "stoppedReason")), List.of(), null));
    }

    private static void samples(List<MeterReadings.Reading> readings, EvseId evse, TransactionRef ref,
                                List<DeviceEvent> events) {
        for (MeterReadings.Reading reading : readings) {
            if (reading.energy() != null) {
                events.add(reading.toSample(evse, null, ref));
            }
        }
    }
}
