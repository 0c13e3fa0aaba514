package io.chargeplane.bridge.ocpp.server;

import static io.chargeplane.bridge.ocpp.server.StationClient.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Everything refused before or after the upgrade: each refusal precise, and the connection kept where OCPP allows. */
@QuarkusTest
@QuarkusTestResource(OcppBridgeResource.class)
class HandshakeAndBadInputIT extends AdapterHarness {

    @Test
    void rejectsUnknownStationBeforeUpgrade() {
        assertEquals(404, StationClient.handshakeStatus(adapter.port(), "no-such-station", "whatever-password",
                "ocpp1.6"));
        assertEquals(404, StationClient.handshakeStatus(adapter.port(), OcppBridgeResource.DISABLED,
                OcppBridgeResource.PASSWORD, "ocpp1.6"), "a disabled station is as unknown");
    }

    @Test
    void rejectsWrongOrMissingPasswordBeforeUpgrade() {
        String station = nextStation();
        assertEquals(401, StationClient.handshakeStatus(adapter.port(), station, "wrong-password-123", "ocpp1.6"));
        assertEquals(401, StationClient.handshakeStatus(adapter.port(), station, null, "ocpp1.6"));
    }

    @Test
    void refusesAProfileTwoStationOnAPlainConnection() {
        assertEquals(403, StationClient.handshakeStatus(adapter.port(), OcppBridgeResource.TLS_ONLY,
                OcppBridgeResource.PASSWORD, "ocpp1.6"));
    }

    @Test
    void rejectsAStationThatOffersNoKnownSubprotocol() {
        assertEquals(400, StationClient.handshakeStatus(adapter.port(), nextStation(), OcppBridgeResource.PASSWORD,
                "ocpp1.5"));
        assertEquals(400, StationClient.handshakeStatus(adapter.port(), nextStation(), OcppBridgeResource.PASSWORD));
    }

    @Test
    void prefersOcpp201WhateverTheOfferOrder() {
        String station = nextStation();
        StationClient client = StationClient.connect(adapter.port(), station, OcppBridgeResource.PASSWORD,
                "ocpp1.6", "ocpp2.0.1");
        try {
            assertEquals("ocpp2.0.1", client.subprotocol());
        } finally {
            client.close();
        }
    }

    @Test
    void malformedInputIsAnsweredWithTheRightCallErrorAndTheConnectionStaysUp() {
        String station = nextStation();
        StationClient cp = connect(station, "ocpp1.6");
        cp.sendRaw("[2,\"bad-json\",\"Heartbeat\",{\"x\":}]");
        assertEquals("FormationViolation", errorCode(cp.awaitFrame("bad-json", WAIT)));
        cp.sendRaw("this is not json");
        assertEquals("FormationViolation", errorCode(cp.awaitFrame("-1", WAIT)));
        cp.sendRaw("[2,\"unknown-action\",\"BakeCake\",{}]");
        assertEquals("NotImplemented", errorCode(cp.awaitFrame("unknown-action", WAIT)));
        JsonNode invalid = cp.call("StatusNotification", "{\"connectorId\":1,\"status\":\"Available\"}");
        assertEquals("OccurenceConstraintViolation", errorCode(invalid));
        assertTrue(invalid.get(3).asText().contains("errorCode"), invalid.toString());
        assertEquals(3, cp.call("Heartbeat", "{}").get(0).asInt(), "still serving");
    }

    @Test
    void ocpp201NamesItsOwnErrorCodes() {
        StationClient cs = connect(nextStation(), "ocpp2.0.1");
        cs.sendRaw("not json either");
        assertEquals("RpcFrameworkError", errorCode(cs.awaitFrame("-1", WAIT)));
        cs.sendRaw("[2,\"m-trunc\",\"Heartbeat\",{]");
        assertEquals("FormatViolation", errorCode(cs.awaitFrame("m-trunc", WAIT)));
        assertEquals("TypeConstraintViolation", errorCode(cs.call("StatusNotification",
                "{\"timestamp\":\"2026-11-25T09:30:00Z\",\"connectorStatus\":\"Occupied\",\"evseId\":\"one\","
                        + "\"connectorId\":1}")));
        cs.sendRaw("[5,\"m-five\",{}]");
        assertEquals("MessageTypeNotSupported", errorCode(cs.awaitFrame("m-five", WAIT)));
    }

    @Test
    void anOversizedFrameIsRefusedWithFormatViolationAndAHugeOneClosesWith1009() {
        StationClient cp = connect(nextStation(), "ocpp1.6");
        String big = "x".repeat(6000);
        cp.sendRaw("[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\"" + big + "\"}]");
        assertEquals("FormationViolation", errorCode(cp.awaitFrame("big-1", WAIT)));
        assertEquals(3, cp.call("Heartbeat", "{}").get(0).asInt());
        String huge = "x".repeat(20_000);
        cp.sendRaw("[2,\"big-2\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\"" + huge + "\"}]");
        assertEquals(1009, cp.awaitClose(WAIT));
    }

    @Test
    void aRepeatedMessageIdIsNotProcessedTwice() throws InterruptedException {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, "ocpp1.6");
        String status = "[2,\"dup-1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
                + "\"status\":\"Available\"}]";
        cp.sendRaw(status);
        assertEquals(3, cp.awaitFrame("dup-1", WAIT).get(0).asInt());
        cp.sendRaw(status);
        assertEquals("FormationViolation", errorCode(cp.awaitFrame("dup-1", WAIT)));
        platform.awaitEvent(ConnectorStatusChanged.class, WAIT);
        platform.assertNoEvent(ConnectorStatusChanged.class, Duration.ofMillis(500));
    }

    @Test
    void callsSentWithoutWaitingAreAnsweredInOrder() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, "ocpp1.6");
        cp.sendRaw("[2,\"p-1\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]");
        cp.sendRaw("[2,\"p-2\",\"Heartbeat\",{}]");
        assertEquals(3, cp.awaitFrame("p-1", WAIT).get(0).asInt());
        assertEquals(3, cp.awaitFrame("p-2", WAIT).get(0).asInt());
        platform.awaitEvent(Booted.class, WAIT);
    }

    @Test
    void aReconnectingStationReplacesItsOldConnectionAndOthersAreUndisturbed() {
        String station = nextStation();
        String neighbour = nextStation();
        PlatformProbe platform = probe(station);
        PlatformProbe neighbourPlatform = probe(neighbour);
        StationClient other = connect(neighbour, "ocpp1.6");
        neighbourPlatform.awaitEvent(Connected.class, WAIT);
        StationClient first = connect(station, "ocpp1.6");
        platform.awaitEvent(Connected.class, WAIT);

        StationClient second = connect(station, "ocpp2.0.1");
        assertEquals(1000, first.awaitClose(WAIT), "the old socket is closed cleanly");
        platform.awaitEvent(Connected.class, WAIT);

        var reset = platform.command(new io.chargeplane.model.command.Reset(io.chargeplane.model.device.ResetKind.SOFT));
        JsonNode call = second.awaitCall("Reset", WAIT);
        assertEquals("OnIdle", StationClient.payload(call).get("type").asText(), "reaches the new 2.0.1 connection");
        second.answer(call, "{\"status\":\"Accepted\"}");
        assertEquals(io.chargeplane.model.command.CommandStatus.ACCEPTED, platform.awaitResult(reset, WAIT).status());
        platform.assertNoEvent(io.chargeplane.model.event.Disconnected.class, Duration.ofMillis(300));
        assertEquals(3, other.call("Heartbeat", "{}").get(0).asInt());
        assertTrue(other.isOpen());
    }
}
