package io.chargeplane.testkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RealServicesProfile.class)
class MqttIT {

    @ConfigProperty(name = "chargeplane.mqtt.host")
    String host;

    @ConfigProperty(name = "chargeplane.mqtt.port")
    int port;

    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(client -> client.disconnect().join());
    }

    @Test
    void sharedSubscribersAnswerEachRequestOnceWithItsCorrelationData() throws Exception {
        String requestTopic = "chargeplane/v1/acme/cp-" + UUID.randomUUID() + "/req/authorize";
        AtomicInteger handled = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            Mqtt5AsyncClient responder = connect("responder-" + i);
            responder.subscribeWith()
                    .topicFilter("$share/charging-service/" + requestTopic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(request -> {
                        handled.incrementAndGet();
                        responder.publishWith()
                                .topic(request.getResponseTopic().orElseThrow())
                                .correlationData(request.getCorrelationData().orElseThrow())
                                .payload(("accepted " + text(request)).getBytes(StandardCharsets.UTF_8))
                                .qos(MqttQos.AT_LEAST_ONCE)
                                .send();
                    })
                    .send().get(10, TimeUnit.SECONDS);
        }

        Mqtt5AsyncClient requester = connect("requester");
        String responseTopic = "chargeplane/v1/_adapters/" + UUID.randomUUID() + "/res";
        Map<String, String> answers = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(4);
        requester.subscribeWith().topicFilter(responseTopic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(response -> {
                    String correlation = StandardCharsets.UTF_8.decode(response.getCorrelationData().orElseThrow()).toString();
                    answers.put(correlation, text(response));
                    answered.countDown();
                })
                .send().get(10, TimeUnit.SECONDS);

        for (int i = 0; i < 4; i++) {
            requester.publishWith()
                    .topic(requestTopic)
                    .responseTopic(responseTopic)
                    .correlationData(ByteBuffer.wrap(("corr-" + i).getBytes(StandardCharsets.UTF_8)))
                    .payload(("tag-" + i).getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send().get(10, TimeUnit.SECONDS);
        }

        answered.await(20, TimeUnit.SECONDS);
        assertEquals(Map.of("corr-0", "accepted tag-0", "corr-1", "accepted tag-1",
                "corr-2", "accepted tag-2", "corr-3", "accepted tag-3"), answers);
        assertEquals(4, handled.get(), "a shared subscription delivers each request to one responder only");
    }

    private Mqtt5AsyncClient connect(String name) throws Exception {
        Mqtt5AsyncClient client = MqttClient.builder()
                .useMqttVersion5()
                .identifier(name + "-" + UUID.randomUUID())
                .serverHost(host)
                .serverPort(port)
                .buildAsync();
        client.connect().get(10, TimeUnit.SECONDS);
        clients.add(client);
        return client;
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
