package io.chargeplane.bridge.ocpp.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.unit.Energy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same charging session told in OCPP 1.6 and in 2.0.1 must reach the bus as the same canonical events:
 * a service never learns which version a station speaks. Fixtures under {@code frames/ocpp16/session/} and
 * {@code frames/ocpp201/session/} describe one session (EVSE 1, card 04A2B3C4D5E6F7, 12 kWh → 19.876 kWh).
 */
class ConvergenceTest {

    private final TranslationFixture v16 = new TranslationFixture(OcppVersion.OCPP16);
    private final TranslationFixture v201 = new TranslationFixture(OcppVersion.OCPP201);

    @Test
    void transactionStartedIsTheSameEvent() {
        assertEquals(start16(), start201());
    }

    @Test
    void periodicMeterValuesBecomeTheSameSampleAndUpdate() {
        start16();
        start201();
        List<DeviceEvent> from16 = v16.reply("frames/ocpp16/session/MeterValues.req.json").events();
        List<DeviceEvent> from201 = v201.reply("frames/ocpp201/session/TransactionEvent.Updated.req.json").events();
        assertEquals(from16, from201);
        assertInstanceOf(MeterSample.class, from16.get(0));
        TransactionUpdated updated = assertInstanceOf(TransactionUpdated.class, from16.get(1));
        assertEquals(Energy.ofMilliwattHours(15_234_567), updated.energyRegister());
    }

    @Test
    void transactionEndedIsTheSameEventWithTheExactEnergy() {
        start16();
        start201();
        List<DeviceEvent> from16 = v16.reply("frames/ocpp16/session/StopTransaction.req.json").events();
        List<DeviceEvent> from201 = v201.reply("frames/ocpp201/session/TransactionEvent.Ended.req.json").events();
        assertEquals(from16, from201);
        TransactionEnded ended = assertInstanceOf(TransactionEnded.class, from16.get(from16.size() - 1));
        assertEquals(Energy.ofMilliwattHours(7_876_000), ended.energy());
    }

    @Test
    void chargingAndOccupiedBothMeanAVehicleIsPluggedIn() {
        ConnectorStatusChanged charging = (ConnectorStatusChanged) v16
                .reply("frames/ocpp16/session/StatusNotification.req.json").events().get(0);
        ConnectorStatusChanged occupied = (ConnectorStatusChanged) v201
                .reply("frames/ocpp201/session/StatusNotification.req.json").events().get(0);
        assertEquals(charging.status().occupied(), occupied.status().occupied());
        assertEquals(charging.evse(), occupied.evse());
        assertEquals(charging.connector(), occupied.connector());
        assertEquals(charging.timestamp(), occupied.timestamp());
    }

    private TransactionStarted start16() {
        Inbound.Ask ask = (Inbound.Ask) v16.inbound("frames/ocpp16/session/StartTransaction.req.json");
        List<DeviceEvent> events = v16.answer("StartTransaction", ask,
                new StartTransactionReply(4711, AuthorizeReply.of(AuthorizationStatus.ACCEPTED))).events();
        return (TransactionStarted) events.get(0);
    }

    private TransactionStarted start201() {
        Inbound.Ask ask = (Inbound.Ask) v201.inbound("frames/ocpp201/session/TransactionEvent.Started.req.json");
        List<DeviceEvent> events = v201.answer("TransactionEvent", ask,
                AuthorizeReply.of(AuthorizationStatus.ACCEPTED)).events();
        assertEquals(2, events.size(), "the start and its Transaction.Begin sample");
        return (TransactionStarted) events.get(0);
    }
}
