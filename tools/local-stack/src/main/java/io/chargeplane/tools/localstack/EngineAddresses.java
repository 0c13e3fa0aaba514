package io.chargeplane.tools.localstack;

/** Where the running engines listen, as the deployables' configuration needs it. */
public record EngineAddresses(int postgresPort, String kafkaBootstrap, int mqttPort, int redisPort,
                              String keycloakRealmUrl) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** Keycloak's base URL (without {@code /realms/...}), for admin API calls and other realms' endpoints. */
    public String keycloakUrl() {
        int realms = keycloakRealmUrl.indexOf("/realms/");
        return realms < 0 ? keycloakRealmUrl : keycloakRealmUrl.substring(0, realms);
    }

    public String redisUri() {
        return "redis://127.0.0.1:" + redisPort;
    }
}
