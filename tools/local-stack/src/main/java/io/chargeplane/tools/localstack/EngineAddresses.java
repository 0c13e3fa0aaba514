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

    public String redisUri() {
        return "redis://127.0.0.1:" + redisPort;
    }
}
