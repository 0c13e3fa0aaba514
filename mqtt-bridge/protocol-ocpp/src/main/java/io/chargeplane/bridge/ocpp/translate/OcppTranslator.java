package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.CallError;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import java.time.Clock;
import java.util.Optional;

/**
 * Translation between one OCPP version and the canonical model, both ways. Stateless apart from the shared
 * {@link TransactionMemory}, so one instance per version serves every connection of an adapter.
 *
 * <p>Inbound CALLs become an {@link Inbound} plan (events to publish, a request to ask, the answer to give);
 * canonical commands become an {@link OutboundCall}, and the station's answer a {@link CommandResult}. Nothing
 * OCPP-specific leaves this package towards the bus: 1.6 and 2.0.1 produce the same canonical events.
 */
public interface OcppTranslator {

    OcppVersion version();

    /**
     * Plans the handling of a schema-valid CALL from a station.
     *
     * @param station a key for the station, unique within the adapter (used for transaction memory)
     */
    Inbound inbound(String station, String action, ObjectNode payload);

    /** The CALL for a canonical command, or empty when this version has no way to carry it out. */
    Optional<OutboundCall> outbound(CommandRequest command);

    /** The canonical result of the station's CALLRESULT to {@code call}. */
    CommandResult result(CommandRequest command, OutboundCall call, ObjectNode response);

    /** The canonical result of the station's CALLERROR to a command's CALL. */
    default CommandResult error(CommandRequest command, CallError error) {
        return CommandResults.fromCallError(command, error);
    }

    static OcppTranslator forVersion(OcppVersion version, TranslationSettings settings, TransactionMemory memory,
                                     Clock clock) {
        return switch (version) {
            case OCPP16 -> new Ocpp16Translator(settings, memory, clock);
            case OCPP201 -> new Ocpp201Translator(settings, memory, clock);
        };
    }
}
