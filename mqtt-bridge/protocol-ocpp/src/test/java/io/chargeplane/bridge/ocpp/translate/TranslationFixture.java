package io.chargeplane.bridge.ocpp.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.GoldenFrames;
import io.chargeplane.bridge.ocpp.OcppMessageLayer;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.CallResult;
import io.chargeplane.bridge.ocpp.rpc.DecodeResult;
import io.chargeplane.bridge.ocpp.rpc.OcppJsonCodec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.schema.PayloadKind;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.schema.SchemaRegistry;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.DeviceCommand;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.request.DeviceReply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Feeds golden frames through the real codec and validator into a translator, and checks every answer and
 * CALL the translator produces against the version's schemas.
 */
final class TranslationFixture {

    static final Instant NOW = Instant.parse("2026-11-25T09:31:00Z");
    static final String STATION = "acme/cp-1";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.standard();

    final OcppVersion version;
    final OcppMessageLayer layer;
    final TransactionMemory memory = TransactionMemory.bounded();
    final OcppTranslator translator;

    TranslationFixture(OcppVersion version) {
        this.version = version;
        this.layer = new OcppMessageLayer(OcppJsonCodec.forCsms(version), new PayloadValidator(SCHEMAS));
        this.translator = OcppTranslator.forVersion(version, TranslationSettings.defaults(), memory,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The inbound CALL of a frame file, decoded and schema-checked. */
    Call call(String resource) {
        DecodeResult decoded = layer.decodeInbound(GoldenFrames.read(resource));
        DecodeResult.Decoded ok = assertInstanceOf(DecodeResult.Decoded.class, decoded, resource + " " + decoded);
        return (Call) ok.frame();
    }

    Inbound inbound(String resource) {
        Call call = call(resource);
        return translator.inbound(STATION, call.action(), call.payload());
    }

    /** A Reply plan, with its answer valid for the action. */
    Inbound.Reply reply(String resource) {
        Call call = call(resource);
        Inbound plan = translator.inbound(STATION, call.action(), call.payload());
        Inbound.Reply reply = assertInstanceOf(Inbound.Reply.class, plan, resource + " " + plan);
        assertValidResponse(call.action(), reply.response());
        return reply;
    }

    Inbound.Reply answer(String action, Inbound.Ask ask, DeviceReply reply) {
        Inbound.Reply result = ask.onReply().apply(reply);
        assertValidResponse(action, result.response());
        return result;
    }

    void assertValidResponse(String action, ObjectNode response) {
        assertEquals(Optional.empty(), layer.validateOutbound(action, PayloadKind.RESPONSE, response),
                action + " answer " + response);
    }

    /** The CALL for a command, valid against the request schema. */
    OutboundCall outbound(CommandRequest request, String expectedAction) {
        OutboundCall call = translator.outbound(request).orElseThrow();
        assertEquals(expectedAction, call.action());
        assertEquals(Optional.empty(), layer.validateOutbound(call.action(), PayloadKind.REQUEST, call.payload()),
                call.action() + " " + call.payload());
        return call;
    }

    /** The payload of a golden CALLRESULT. */
    ObjectNode goldenResult(String resource) {
        DecodeResult decoded = layer.codec().decode(GoldenFrames.read(resource));
        assertTrue(decoded instanceof DecodeResult.Decoded d && d.frame() instanceof CallResult, resource);
        return ((CallResult) ((DecodeResult.Decoded) decoded).frame()).payload();
    }

    static CommandRequest command(DeviceCommand command) {
        return new CommandRequest(IdempotencyKey.of("key-1"), CorrelationId.of("corr-1"), NOW, NOW.plusSeconds(60),
                command);
    }
}
