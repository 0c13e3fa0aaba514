package io.chargeplane.bridge.core.it;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.Reset;
import io.chargeplane.model.device.ResetKind;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;

/** Builds commands the way a service sends them, and reads results the way it reads them. */
final class Commands {

    private Commands() {
    }

    static CommandRequest reset(IdempotencyKey key, CorrelationId correlation, Instant issuedAt, Duration validFor) {
        return new CommandRequest(key, correlation, issuedAt, issuedAt.plus(validFor), new Reset(ResetKind.SOFT));
    }

    static CommandRequest reset() {
        return reset(IdempotencyKey.random(), CorrelationId.random(), Instant.now(), Duration.ofSeconds(30));
    }

    static Mqtt5Publish message(DeviceAddress address, CommandRequest command) {
        CanonicalEvent<CommandRequest> envelope = CanonicalEvent.builder(address.tenant(), address.device(), command).build();
        return BusMessages.cloudEvent(Topics.command(address.tenant(), address.device(), command.capability()),
                BusProbe.CODEC.writeStructured(envelope)).build();
    }

    static String resultTopic(DeviceAddress address, CommandRequest command) {
        return Topics.commandResult(address.tenant(), address.device(), command.capability());
    }

    static CommandResult result(Mqtt5Publish publish) {
        return BusProbe.CODEC.readStructured(publish.getPayloadAsBytes(), CommandResult.class).data();
    }

    static boolean answers(Mqtt5Publish publish, CommandRequest command) {
        return result(publish).correlationId().equals(command.correlationId());
    }
}
