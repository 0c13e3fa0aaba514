package io.chargeplane.charging.it;

import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.MeterContext;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.StopReason;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Energy;

import java.time.Instant;
import java.util.List;

/** The canonical events one charger's transaction produces, built the way an adapter builds them. */
record Charger(String tenant, String device, String transactionId) {

    CanonicalEvent<TransactionStarted> started(String card, long meterStartWh, Instant at) {
        return Kafka.event(tenant, device, new TransactionStarted(TransactionRef.ofDevice(transactionId), EvseId.of(1),
                ConnectorId.of(1), card == null ? null : IdToken.rfid(card), Energy.ofWh(meterStartWh), at), at);
    }

    CanonicalEvent<MeterSample> sample(long registerWh, Instant at) {
        return Kafka.event(tenant, device, new MeterSample(EvseId.of(1), ConnectorId.of(1),
                TransactionRef.ofDevice(transactionId), at, Energy.ofWh(registerWh), null, null, null, null,
                MeterContext.SAMPLE_PERIODIC), at);
    }

    CanonicalEvent<TransactionEnded> ended(long meterStartWh, long meterStopWh, Instant startedAt, Instant at) {
        return Kafka.event(tenant, device, new TransactionEnded(TransactionRef.ofDevice(transactionId), EvseId.of(1),
                ConnectorId.of(1), null, Energy.ofWh(meterStartWh), Energy.ofWh(meterStopWh), startedAt, at,
                StopReason.EV_DISCONNECTED, List.of(), null), at);
    }
}
