package io.chargeplane.charging.config;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One HTTP client for every outgoing call (token endpoint, device-service, billing-service). */
@Singleton
public class WebClients {

    @Produces
    @Singleton
    WebClient webClient(Vertx vertx) {
        return WebClient.create(vertx, new WebClientOptions().setConnectTimeout(3000).setKeepAlive(true));
    }

    void close(@Disposes WebClient client) {
        client.close();
    }
}
