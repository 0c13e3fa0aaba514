package io.chargeplane.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemResponses;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} contract every mutating endpoint follows: the key is required; the first
 * request under a key runs, and every repeat with the same body gets the first answer (marked with
 * {@value #REPLAYED_HEADER}) without running again; a different body under a used key is refused with
 * {@code idempotency_key_reused}; a repeat while the first still runs gets {@code idempotency_in_progress}.
 * Keys are scoped by tenant, caller and operation, so two callers never collide.
 *
 * <p>Answers with status 5xx are not remembered: the key is freed so that a retry can succeed.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final ObjectMapper json;

    public IdempotentRequests(IdempotencyStore store, IdempotencyConfig config, ObjectMapper json) {
        this.store = store;
        this.config = config;
        this.json = json;
    }

    /**
     * Runs {@code operation} at most once per key.
     *
     * @param scope     who and what the key belongs to, e.g. {@code acme|alice|POST /api/v1/sites}
     * @param keyHeader the raw {@value #HEADER} header value
     * @param body      the request body as the resource received it (it is fingerprinted)
     */
    public Uni<Response> execute(String scope, String keyHeader, Object body, Supplier<Uni<Response>> operation) {
        IdempotencyKey key = parseKey(keyHeader);
        String storageKey = scope + "|" + key.value();
        String fingerprint = fingerprint(body);
        return store.claim(storageKey, fingerprint, config.inProgressTimeout())
                .flatMap(existing -> switch (IdempotencyDecision.decide(existing, fingerprint)) {
                    case IdempotencyDecision.Proceed proceed -> run(storageKey, fingerprint, operation);
                    case IdempotencyDecision.Replay replay -> Uni.createFrom().item(replayOf(replay.response()));
                    case IdempotencyDecision.InProgress inProgress -> Uni.createFrom().failure(new ProblemException(
                            ErrorCode.IDEMPOTENCY_IN_PROGRESS, "retry once the first request has finished"));
                    case IdempotencyDecision.Mismatch mismatch -> Uni.createFrom().failure(new ProblemException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED, "this key was used for a request with another body"));
                });
    }

    private Uni<Response> run(String storageKey, String fingerprint, Supplier<Uni<Response>> operation) {
        return Uni.createFrom().deferred(operation::get)
                .onFailure(ProblemException.class).recoverWithItem(e -> problemResponse((ProblemException) e))
                .onFailure().call(() -> store.release(storageKey))
                .flatMap(response -> remember(storageKey, fingerprint, response));
    }

    private Uni<Response> remember(String storageKey, String fingerprint, Response response) {
        if (response.getStatus() >= 500) {
            return store.release(storageKey).replaceWith(response);
        }
        StoredResponse stored = new StoredResponse(response.getStatus(), contentType(response),
                entityJson(response), response.getHeaderString(HttpHeaders.LOCATION));
        return store.complete(storageKey, new IdempotencyRecord(fingerprint, stored), config.retention())
                .replaceWith(() -> rebuilt(stored, false));
    }

    private static Response problemResponse(ProblemException e) {
        return ProblemResponses.of(e.toProblem(null));
    }

    private static Response replayOf(StoredResponse stored) {
        return rebuilt(stored, true);
    }

    private static Response rebuilt(StoredResponse stored, boolean replayed) {
        Response.ResponseBuilder builder = Response.status(stored.status());
        if (stored.body() != null) {
            builder.entity(stored.body()).type(stored.contentType());
        }
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }

    private String entityJson(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response entity cannot be stored for replay", e);
        }
    }

    private static String contentType(Response response) {
        MediaType type = response.getMediaType();
        return type == null ? MediaType.APPLICATION_JSON : type.toString();
    }

    static IdempotencyKey parseKey(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ErrorCode.IDEMPOTENCY_KEY_MISSING,
                    "send a unique " + HEADER + " header (e.g. a UUID) with every change");
        }
        try {
            return IdempotencyKey.of(header.strip());
        } catch (ModelValidationException e) {
            throw new ProblemException(ErrorCode.IDEMPOTENCY_KEY_INVALID, HEADER + " " + e.reason());
        }
    }

    String fingerprint(Object body) {
        try {
            byte[] canonical = body == null ? new byte[0]
                    : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request body cannot be fingerprinted", e);
        }
    }
}
