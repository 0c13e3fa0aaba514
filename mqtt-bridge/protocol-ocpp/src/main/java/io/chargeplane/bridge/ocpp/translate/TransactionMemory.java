package io.chargeplane.bridge.ocpp.translate;

import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Energy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the adapter remembers about running transactions: OCPP's end messages (1.6 StopTransaction, 2.0.1
 * TransactionEvent Ended) need not repeat the EVSE or the start register, while the canonical
 * {@code TransactionEnded} carries both.
 *
 * <p>Kept per adapter, not per connection, so a station that reconnects mid-session still ends it correctly;
 * only running transactions are held (a few dozen bytes each), and the map is bounded. A transaction that
 * started on another adapter instance is not known here: the translators then fall back to what the end
 * message itself carries and say so in a log event (see {@code docs/protocols/ocpp.md}).
 */
public final class TransactionMemory {

    /** One running transaction. {@code lastRegister} is the newest energy register seen. */
    public record Running(EvseId evse, ConnectorId connector, IdToken idToken, Energy meterStart, Instant startedAt,
                          Energy lastRegister) {
        Running withRegister(Energy register) {
            return new Running(evse, connector, idToken, meterStart, startedAt, register);
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Running> running = new ConcurrentHashMap<>();

    public TransactionMemory(int capacity) {
        this.capacity = capacity;
    }

    public static TransactionMemory bounded() {
        return new TransactionMemory(250_000);
    }

    void started(String station, String transactionId, Running transaction) {
        if (running.size() < capacity) {
            running.put(key(station, transactionId), transaction);
        }
    }

    void register(String station, String transactionId, Energy register) {
        running.computeIfPresent(key(station, transactionId), (k, t) -> t.withRegister(register));
    }

    Optional<Running> find(String station, String transactionId) {
        return Optional.ofNullable(running.get(key(station, transactionId)));
    }

    Optional<Running> ended(String station, String transactionId) {
        return Optional.ofNullable(running.remove(key(station, transactionId)));
    }

    public int size() {
        return running.size();
    }

    private static String key(String station, String transactionId) {
        return station + '#' + transactionId;
    }
}
