package io.chargeplane.bridge.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.bridge.ocpp.catalog.ActionCatalog;
import io.chargeplane.bridge.ocpp.catalog.ActionSpec;
import io.chargeplane.bridge.ocpp.catalog.Direction;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.CallResult;
import io.chargeplane.bridge.ocpp.rpc.DecodeResult;
import io.chargeplane.bridge.ocpp.rpc.OcppJson;
import io.chargeplane.bridge.ocpp.rpc.OcppJsonCodec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.schema.PayloadValidator;
import io.chargeplane.bridge.ocpp.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every catalogued message has a valid example request and response that pass codec and schema. */
class GoldenFrameTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final PayloadValidator VALIDATOR = new PayloadValidator(REGISTRY);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<ActionSpec> everyAction() {
        return Arrays.stream(OcppVersion.values()).flatMap(v -> ActionCatalog.standard().actions(v).stream());
    }

    /** The side that receives the CALL decodes it; DataTransfer is tried at both. */
    private static Stream<OcppMessageLayer> receivers(ActionSpec spec) {
        return Stream.of(Direction.STATION_TO_CSMS, Direction.CSMS_TO_STATION)
                .filter(spec.direction()::allows)
                .map(d -> new OcppMessageLayer(new OcppJsonCodec(spec.version(), ActionCatalog.standard(), d,
                        OcppJson.DEFAULT_MAX_FRAME_CHARS), VALIDATOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAction")
    void goldenRequestDecodesAndSatisfiesItsSchema(ActionSpec spec) throws Exception {
        String text = GoldenFrames.request(spec);
        receivers(spec).forEach(layer -> {
            DecodeResult result = layer.decodeInbound(text);
            DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result, () -> spec + " " + result);
            Call call = assertInstanceOf(Call.class, decoded.frame());
            assertEquals(spec.action(), call.action());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAction")
    void goldenResponseDecodesAndSatisfiesItsSchema(ActionSpec spec) {
        OcppMessageLayer layer = receivers(spec).findFirst().orElseThrow();
        DecodeResult result = layer.codec().decode(GoldenFrames.response(spec));
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result, () -> spec + " " + result);
        CallResult callResult = assertInstanceOf(CallResult.class, decoded.frame());
        assertEquals(java.util.Optional.empty(), layer.validateResult(spec.action(), callResult), spec::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAction")
    void goldenFramesSurviveAnEncodeRoundTripUnchanged(ActionSpec spec) throws Exception {
        OcppJsonCodec codec = receivers(spec).findFirst().orElseThrow().codec();
        for (String text : new String[] {GoldenFrames.request(spec), GoldenFrames.response(spec)}) {
            DecodeResult.Decoded decoded = (DecodeResult.Decoded) codec.decode(text);
            String encoded = codec.encode(decoded.frame());
            JsonNode expected = codec.mapper().readTree(text);
            assertEquals(expected, codec.mapper().readTree(encoded), spec + ": " + encoded);
            // Plain Jackson (double decimals) must read it the same way: the encoding is ordinary JSON.
            assertEquals(JSON.readTree(text), JSON.readTree(encoded));
        }
    }

    @Test
    void frameDirectoriesHoldExactlyTheCataloguedMessages() throws URISyntaxException {
        for (OcppVersion version : OcppVersion.values()) {
            File dir = new File(Objects.requireNonNull(GoldenFrameTest.class.getClassLoader()
                    .getResource("frames/" + GoldenFrames.directory(version))).toURI());
            // Sub-directories hold scenario frames (translation, convergence); only the top level mirrors the catalogue.
            Set<String> files = new TreeSet<>(Arrays.asList(Objects.requireNonNull(dir.list((d, n) -> new File(d, n).isFile()))));
            Set<String> expected = ActionCatalog.standard().actions(version).stream()
                    .flatMap(s -> Stream.of(s.action() + ".req.json", s.action() + GoldenFrames.responseSuffix(version)))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, files, version.toString());
        }
    }

    @Test
    void catalogueCoversEveryMessageTheLayerPromises() {
        assertEquals(28, ActionCatalog.standard().actions(OcppVersion.OCPP16).size());
        assertEquals(30, ActionCatalog.standard().actions(OcppVersion.OCPP201).size());
        assertTrue(everyAction().allMatch(s -> REGISTRY.schema(s.version(), s.action(),
                io.chargeplane.bridge.ocpp.schema.PayloadKind.REQUEST).isPresent()));
    }
}
