package io.chargeplane.model.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files under {@code fixtures/} are the wire contract other teams (and other languages) code against:
 * writing must produce exactly them and reading them must give the builders' objects.
 */
class GoldenEnvelopeTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("meter_sample", Fixtures.aMeterSample()),
                Arguments.of("transaction_ended", Fixtures.aTransactionEnded()),
                Arguments.of("start_charging", Fixtures.aCommandRequest(Fixtures.allCommands().get(0))),
                Arguments.of("update_tariff", Fixtures.aCommandRequest(Fixtures.aTariff())),
                Arguments.of("command_result", Fixtures.aCommandResult()),
                Arguments.of("authorize_request", Fixtures.allRequests().get(0)),
                Arguments.of("start_transaction_reply", Fixtures.allReplies().get(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void writesExactlyTheGoldenDocument(String name, CanonicalPayload payload) throws Exception {
        byte[] written = codec.writeStructured(Fixtures.anEnvelope(payload));

        assertEquals(WireFixtures.tree(name), WireFixtures.JSON.readTree(written));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void readsTheGoldenDocumentIntoTheBuildersObject(String name, CanonicalPayload payload) {
        CanonicalEvent<?> read = codec.readStructured(WireFixtures.bytes(name));

        assertEquals(Fixtures.anEnvelope(payload), read);
    }
}
