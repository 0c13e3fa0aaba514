package io.chargeplane.charging.bus;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.charging.token.DeviceRequestHandler;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.topic.RequestTopic;
import io.chargeplane.model.topic.Topic;
import io.chargeplane.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;

/**
 * Answers device requests on the bus. Every replica joins one shared subscription, so the broker hands each request
 * to exactly one of them; the reply goes to the response topic the adapter named, with its correlation data.
 */
@ApplicationScoped
public class DeviceRequestListener {

    private static final Logger LOG = Logger.getLogger(DeviceRequestListener.class);

    private final DeviceBus bus;
    private final DeviceRequestHandler handler;
    private final ChargingConfig config;
    private final MeterRegistry meters;
    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    public DeviceRequestListener(DeviceBus bus, DeviceRequestHandler handler, ChargingConfig config, MeterRegistry meters) {
        this.bus = bus;
        this.handler = handler;
        this.config = config;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        bus.subscribe(Topics.shared(config.mqtt().shareGroup(), Topics.allRequests()), this::onRequest);
        bus.connect().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warnf("Device bus not reachable yet (%s); the client keeps trying", failure.toString());
            }
        });
    }

    void onRequest(Mqtt5Publish publish) {
        long started = System.nanoTime();
        RequestTopic topic;
        CanonicalEvent<DeviceRequest> request;
        try {
            Topic parsed = Topics.parse(publish.getTopic().toString());
            if (!(parsed instanceof RequestTopic requestTopic)) {
                return;
            }
            topic = requestTopic;
            request = codec.readStructured(publish.getPayloadAsBytes(), DeviceRequest.class);
            if (!request.tenant().equals(topic.tenant()) || !request.device().equals(topic.device())) {
                throw new IllegalArgumentException("envelope names another tenant or device than the topic");
            }
        } catch (RuntimeException e) {
            count("malformed");
            LOG.warnf("Unreadable device request on %s: %s", publish.getTopic(), e.getMessage());
            return;
        }
        handler.answer(topic.tenant(), topic.device(), request.data())
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .subscribe().with(reply -> reply(publish, topic, request, reply, started), failure -> {
                    count("failed");
                    MDC.put("tenant", topic.tenant().value());
                    MDC.put("device", topic.device().value());
                    LOG.warnf("Device request %s not answered: %s", topic.requestName(), failure.toString());
                    MDC.remove("tenant");
                    MDC.remove("device");
                });
    }

    private void reply(Mqtt5Publish publish, RequestTopic topic, CanonicalEvent<DeviceRequest> request,
                       DeviceReply reply, long started) {
        CanonicalEvent<DeviceReply> envelope = CanonicalEvent.builder(topic.tenant(), topic.device(), reply)
                .correlationId(request.correlationId()).build();
        String replyTopic = publish.getResponseTopic().map(Object::toString)
                .orElse(Topics.reply(topic.tenant(), topic.device(), topic.requestName()));
        var out = Mqtt5Publish.builder().topic(replyTopic).qos(MqttQos.AT_LEAST_ONCE)
                .contentType(CanonicalCodec.STRUCTURED_CONTENT_TYPE).payload(codec.writeStructured(envelope));
        publish.getCorrelationData().ifPresent(out::correlationData);
        bus.publish(out.build());
        count("answered");
        Timer.builder("chargeplane.charging.request.latency").tag("request", topic.requestName())
                .register(meters).record(Duration.ofNanos(System.nanoTime() - started));
    }

    private void count(String outcome) {
        meters.counter("chargeplane.charging.requests", "outcome", outcome).increment();
    }
}
