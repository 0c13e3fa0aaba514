package io.chargeplane.bridge.core.bus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.chargeplane.bridge.core.config.BridgeConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * How every bridge client reaches the device bus ({@code chargeplane.bridge.mqtt.*}): MQTT 5, broker address,
 * automatic reconnect with back-off, TLS and credentials. Callers add what is theirs (last will, listeners).
 */
public final class MqttClients {

    private MqttClients() {
    }

    public static Mqtt5ClientBuilder builder(BridgeConfig.Mqtt config, String clientId) {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(config.host())
                .serverPort(config.port())
                .automaticReconnect()
                    .initialDelay(config.reconnectInitialDelay().toMillis(), TimeUnit.MILLISECONDS)
                    .maxDelay(config.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
                    .applyAutomaticReconnect();
        if (config.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (config.username().isPresent()) {
            builder = builder.simpleAuth()
                    .username(config.username().get())
                    .password(config.password().orElse("").getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return builder;
    }
}
