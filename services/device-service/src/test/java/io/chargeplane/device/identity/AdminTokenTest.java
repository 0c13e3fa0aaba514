package io.chargeplane.device.identity;

import io.chargeplane.platform.error.ProblemException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The admin token against a small real token endpoint: reused until shortly before expiry, then fetched again. */
class AdminTokenTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private Vertx vertx;
    private HttpServer server;
    private WebClient http;
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int status = 200;

    @BeforeEach
    void tokenEndpoint() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            if (status != 200) {
                request.response().setStatusCode(status).endAndForget("{\"error\":\"unauthorized_client\"}");
                return;
            }
            boolean form = body.toString().contains("grant_type=client_credentials")
                    && body.toString().contains("client_id=device-service");
            request.response().setStatusCode(form ? 200 : 400).putHeader("content-type", "application/json")
                    .endAndForget(new JsonObject().put("access_token", "token-" + issued.incrementAndGet())
                            .put("expires_in", 300).encode());
        })).listen(0, "127.0.0.1").await().indefinitely();
        http = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close().await().indefinitely();
        vertx.close().await().indefinitely();
    }

    private AdminToken token(Clock clock) {
        return new AdminToken(http, new KeycloakLocation("http://127.0.0.1:" + server.actualPort(), "chargeplane"),
                "device-service", "secret", Duration.ofSeconds(30), Duration.ofSeconds(5), clock);
    }

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpires() {
        MovableClock clock = new MovableClock();
        AdminToken token = token(clock);

        assertEquals("token-1", token.get().await().indefinitely());
        clock.advance(Duration.ofSeconds(269));
        assertEquals("token-1", token.get().await().indefinitely());
        clock.advance(Duration.ofSeconds(2));
        assertEquals("token-2", token.get().await().indefinitely());
        assertEquals(2, issued.get());
    }

    @Test
    void invalidatedTokenIsFetchedAgain() {
        AdminToken token = token(new MovableClock());
        token.get().await().indefinitely();
        token.invalidate();
        assertEquals("token-2", token.get().await().indefinitely());
    }

    @Test
    void refusedTokenRequestIsServiceUnavailable() {
        status = 401;
        ProblemException refused = assertThrows(ProblemException.class,
                () -> token(new MovableClock()).get().await().indefinitely());
        assertEquals(503, refused.errorCode().httpStatus());
    }

    @Test
    void unreachableTokenEndpointIsServiceUnavailable() {
        AdminToken token = new AdminToken(http, new KeycloakLocation("http://127.0.0.1:1", "chargeplane"),
                "device-service", "secret", Duration.ofSeconds(30), Duration.ofSeconds(2), new MovableClock());
        ProblemException down = assertThrows(ProblemException.class, () -> token.get().await().indefinitely());
        assertEquals("service_unavailable", down.errorCode().code());
    }
}
