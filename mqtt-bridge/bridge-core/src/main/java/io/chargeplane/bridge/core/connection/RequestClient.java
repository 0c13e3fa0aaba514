package io.chargeplane.bridge.core.connection;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.request.OfflinePolicy;
import io.chargeplane.bridge.core.spi.BusUnavailableException;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.RequestUnansweredException;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.topic.ReplyTopic;
import io.chargeplane.model.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * MQTT 5 request/response for device requests. The correlation data is a token unique within this instance
 * (not the adapter's correlation id, which travels in the envelope), so replies can never be confused even
 * when two devices happen to use the same correlation id.
 */
final class RequestClient {

    private static final Logger LOG = Logger.getLogger(RequestClient.class);

    private record Pending(CompletableFuture<DeviceReply> reply, Link link, DeviceRequest request) {
    }

    private final MqttBus bus;
    private final CanonicalCodec codec;
    private final OfflinePolicy policy;
    private final BridgeMetrics metrics;
    private final long timeoutMillis;
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong(System.nanoTime());

    RequestClient(MqttBus bus, CanonicalCodec codec, OfflinePolicy policy, BridgeMetrics metrics, Duration timeout) {
        this.bus = bus;
        this.codec = codec;
        this.policy = policy;
        this.metrics = metrics;
        this.timeoutMillis = timeout.toMillis();
    }

    CompletableFuture<DeviceReply> request(Link link, DeviceRequest request, CorrelationId correlation) {
        long started = System.nanoTime();
        CompletableFuture<DeviceReply> reply = new CompletableFuture<>();
        if (!bus.isConnected()) {
            reply.completeExceptionally(new BusUnavailableException("device bus is disconnected"));
        } else {
            long token = tokens.incrementAndGet();
            pending.put(token, new Pending(reply, link, request));
            reply.whenComplete((ignored, failure) -> pending.remove(token));
            send(link, request, correlation, token).whenComplete((ok, failure) -> {
                if (failure != null) {
                    reply.completeExceptionally(failure);
                }
            });
            reply.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        CompletableFuture<DeviceReply> answer = new CompletableFuture<>();
        reply.whenComplete((value, failure) -> {
            link.meters().requestLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (failure == null) {
                answer.complete(value);
            } else {
                answerOffline(link, request, failure, answer);
            }
        });
        return answer;
    }

    private CompletableFuture<Void> send(Link link, DeviceRequest request, CorrelationId correlation, long token) {
        DeviceAddress address = link.address();
        CanonicalEvent<DeviceRequest> envelope = CanonicalEvent.builder(address.tenant(), address.device(), request)
                .correlationId(correlation).protocol(link.protocol()).adapter(bus.instanceId()).build();
        Mqtt5Publish publish = BusMessages.cloudEvent(
                        Topics.request(address.tenant(), address.device(), request.requestName()),
                        codec.writeStructured(envelope))
                .responseTopic(Topics.reply(address.tenant(), address.device(), request.requestName()))
                .correlationData(ByteBuffer.allocate(Long.BYTES).putLong(0, token))
                .build();
        return bus.publish(publish);
    }

    private void answerOffline(Link link, DeviceRequest request, Throwable cause, CompletableFuture<DeviceReply> answer) {
        Optional<DeviceReply> standIn = policy.answer(link.address(), request);
        if (standIn.isPresent()) {
            link.meters().requestsAnsweredOffline.increment();
            LOG.infof("Request %s of %s unanswered (%s); offline policy %s answers", request.requestName(),
                    link.address(), describe(cause), policy.name());
            answer.complete(standIn.get());
        } else {
            link.meters().requestsUnanswered.increment();
            answer.completeExceptionally(new RequestUnansweredException(request.requestName(),
                    request.requestName() + " of " + link.address() + " got no reply (" + describe(cause)
                            + ") and cannot be answered offline"));
        }
    }

    /** A reply on {@code .../res/{request}}: matched by correlation data, checked against the request. */
    void onReply(ReplyTopic topic, Mqtt5Publish publish) {
        ByteBuffer data = publish.getCorrelationData().orElse(null);
        if (data == null || data.remaining() != Long.BYTES) {
            metrics.error("reply_without_correlation");
            return;
        }
        Pending waiting = pending.get(data.getLong(data.position()));
        if (waiting == null) {
            metrics.error("reply_late");
            return;
        }
        DeviceReply reply;
        try {
            reply = codec.readStructured(publish.getPayloadAsBytes(), DeviceReply.class).data();
        } catch (RuntimeException e) {
            metrics.error("reply_malformed");
            LOG.warnf("Malformed reply on %s: %s", publish.getTopic(), e.getMessage());
            return;
        }
        if (!reply.requestName().equals(waiting.request().requestName())) {
            metrics.error("reply_mismatch");
            return;
        }
        waiting.link().meters().repliesReceived.increment();
        policy.observe(waiting.link().address(), waiting.request(), reply);
        waiting.reply().complete(reply);
    }

    int pendingCount() {
        return pending.size();
    }

    private static String describe(Throwable cause) {
        Throwable root = cause instanceof CompletionException && cause.getCause() != null
                ? cause.getCause() : cause;
        return root instanceof TimeoutException ? "timeout" : "bus unavailable";
    }
}
