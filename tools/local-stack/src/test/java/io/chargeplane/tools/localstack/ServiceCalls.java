package io.chargeplane.tools.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.tools.localstack.StackApi.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Any service of a running stack, called as a demo user of the realm: {@code on("billing-service").get(..)}. Every
 * mutation carries an Idempotency-Key, a fresh one unless the caller gives its own.
 */
final class ServiceCalls {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RunningStack stack;
    private final String token;
    private final String subject;

    ServiceCalls(RunningStack stack, String user) {
        this.stack = stack;
        this.token = KeycloakTokens.forRealm(stack.realmUrl()).password(user, DemoRealm.password(user)).accessToken();
        this.subject = String.valueOf(KeycloakTokens.claims(token).get("sub"));
    }

    /** The user's token subject: the owner of their wallet and of tokens issued to them. */
    String subject() {
        return subject;
    }

    Service on(String component) {
        return new Service(stack.http(component));
    }

    final class Service {
        private final String base;

        private Service(String base) {
            this.base = base;
        }

        Answer get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Answer post(String path, Object body) {
            return post(path, body, UUID.randomUUID().toString());
        }

        Answer post(String path, Object body, String idempotencyKey) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Idempotency-Key", idempotencyKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(body))));
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? StackApi.JSON.missingNode() : StackApi.JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body == null ? "" : StackApi.JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
