package io.chargeplane.tools.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chargeplane.testkit.keycloak.DemoRealm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's public REST APIs as the realm's demo users call them: a token per user from the realm's public
 * console client (password grant), renewed shortly before it expires, and JSON in and out. Nothing here reaches
 * a database or an engine directly, so the demo exercises exactly what a newcomer's own calls would.
 */
public final class DemoApi {

    /** An answer: status code and parsed body (a missing node when empty or not JSON). */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The base URLs of the services the demo talks to. */
    public record Urls(String realm, String deviceService, String chargingService, String billingService) {
    }

    private record Token(String value, long renewAtNanos) {
    }

    /**
     * Map keys sorted: the bodies are {@code Map.of(..)}, whose order changes from run to run, and a repeated
     * request under the same Idempotency-Key must carry the same bytes or the service refuses it as another request.
     */
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final Urls urls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public DemoApi(Urls urls) {
        this.urls = urls;
    }

    public Urls urls() {
        return urls;
    }

    /** A demo user's calls to one service. */
    public Caller as(String username, String baseUrl) {
        return new Caller(username, baseUrl, null);
    }

    /** The demo user's Keycloak subject: the owner of its wallet and its RFID cards. */
    public String subject(String username) {
        String payload = token(username).split("\\.")[1];
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls of one user to one service; {@link #forTenant} names the tenant a platform admin acts for. */
    public final class Caller {
        private final String username;
        private final String baseUrl;
        private final String tenant;

        private Caller(String username, String baseUrl, String tenant) {
            this.username = username;
            this.baseUrl = baseUrl;
            this.tenant = tenant;
        }

        public Caller forTenant(String tenantId) {
            return new Caller(username, baseUrl, tenantId);
        }

        public Answer get(String path) {
            return send(request(path).GET());
        }

        /**
         * A change; the key makes a repeat (a second {@code up --demo}) return the first answer. The key carries a
         * digest of the body, so a demo whose bodies changed since a kept key was stored sends a new request (and
         * meets the resource it made before) instead of being refused for reusing the key.
         */
        public Answer post(String path, Object body, String idempotencyKey) {
            return send(request(path).header("Idempotency-Key", keyFor(idempotencyKey, body))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(body))));
        }

        /** A replacing change, with an Idempotency-Key like every change. */
        public Answer put(String path, Object body, String idempotencyKey) {
            return send(request(path).header("Idempotency-Key", keyFor(idempotencyKey, body))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30));
            if (tenant != null) {
                builder.header("X-Chargeplane-Tenant", tenant);
            }
            return builder;
        }

        private Answer send(HttpRequest.Builder request) {
            Answer answer = exchange(request.copy().header("Authorization", "Bearer " + token(username)));
            if (answer.status() == 401) {
                // The realm may have been re-imported (up --fresh) while a token was cached: fetch a new one once.
                tokens.remove(username);
                answer = exchange(request.header("Authorization", "Bearer " + token(username)));
            }
            return answer;
        }
    }

    private String token(String username) {
        Token token = tokens.get(username);
        if (token == null || System.nanoTime() > token.renewAtNanos()) {
            token = fetchToken(username);
            tokens.put(username, token);
        }
        return token.value();
    }

    private Token fetchToken(String username) {
        String form = "grant_type=password&client_id=" + enc(DemoRealm.CONSOLE_CLIENT) + "&username=" + enc(username)
                + "&password=" + enc(DemoRealm.password(username));
        Answer answer = exchange(HttpRequest.newBuilder(URI.create(urls.realm() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (!answer.ok()) {
            throw new DemoException("no token for " + username + ": " + answer);
        }
        long lifetime = Math.max(answer.body().path("expires_in").asLong(60) - RENEW_BEFORE.toSeconds(), 5);
        return new Token(answer.body().path("access_token").asText(),
                System.nanoTime() + Duration.ofSeconds(lifetime).toNanos());
    }

    private Answer exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new DemoException("call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String keyFor(String prefix, Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(body).getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
