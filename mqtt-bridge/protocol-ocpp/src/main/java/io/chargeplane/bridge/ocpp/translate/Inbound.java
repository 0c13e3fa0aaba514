package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What to do with one CALL a station sent, as the translator decided it. The connection carries the plan out:
 * it publishes the events, asks the platform, and answers the station; the translator never touches I/O.
 */
public sealed interface Inbound {

    /**
     * Publish {@code events} (in order) and, once the broker took them, answer the station with
     * {@code response}. The answer waits for the broker because a station deletes a transaction message it
     * got an answer to: answering first could lose a meter value if the bus then failed.
     */
    record Reply(List<DeviceEvent> events, ObjectNode response) implements Inbound {
        public Reply {
            events = List.copyOf(events);
            Objects.requireNonNull(response, "response");
        }

        public static Reply of(ObjectNode response, DeviceEvent... events) {
            return new Reply(List.of(events), response);
        }
    }

    /**
     * Ask the platform first (MQTT 5 request/response), then carry out the reply the answer leads to.
     *
     * @param whenUnanswered the reply when the platform gave no answer and the offline policy had none either;
     *                       null when the station must get a transient error and retry
     */
    record Ask(DeviceRequest request, Function<DeviceReply, Reply> onReply, Supplier<Reply> whenUnanswered)
            implements Inbound {
        public Ask {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(onReply, "onReply");
        }
    }

    /** Answer with a CALLERROR: the payload was valid OCPP but cannot be represented faithfully. */
    record Refuse(RpcErrorKind kind, String description) implements Inbound {
        public Refuse {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
        }
    }
}
