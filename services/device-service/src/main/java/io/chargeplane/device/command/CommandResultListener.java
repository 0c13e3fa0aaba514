package io.chargeplane.device.command;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.device.audit.AuditEntry;
import io.chargeplane.device.audit.AuditLog;
import io.chargeplane.device.bus.BusSubscriber;
import io.chargeplane.device.bus.DeviceBus;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Receives command results on this instance's response topic, stores each in its command resource (whether or
 * not a request still waits for it), audits it, and then wakes the waiting request.
 */
@ApplicationScoped
public class CommandResultListener implements BusSubscriber {

    private static final Logger LOG = Logger.getLogger(CommandResultListener.class);

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final DeviceBus bus;
    private final CommandStore commands;
    private final AuditLog audit;
    private final PendingResults pending;

    public CommandResultListener(DeviceBus bus, CommandStore commands, AuditLog audit, PendingResults pending) {
        this.bus = bus;
        this.commands = commands;
        this.audit = audit;
        this.pending = pending;
    }

    @Override
    public String filter() {
        return bus.responseTopic();
    }

    @Override
    public void onMessage(Mqtt5Publish publish) {
        CanonicalEvent<CommandResult> envelope;
        UUID id;
        try {
            envelope = codec.readStructured(publish.getPayloadAsBytes(), CommandResult.class);
            id = UUID.fromString(envelope.data().correlationId().value());
        } catch (RuntimeException e) {
            LOG.warnf("Unreadable command result on %s dropped: %s", publish.getTopic(), e.getMessage());
            return;
        }
        CommandResult result = envelope.data();
        commands.complete(id, envelope.tenant().value(), envelope.device().value(), result)
                .call(completed -> completed == null ? Uni.createFrom().voidItem() : audit.append(resultEntry(completed)))
                .subscribe().with(completed -> {
                    if (completed == null) {
                        LOG.debugf("Result for unknown or finished command %s ignored", id);
                    }
                    pending.complete(id, result);
                }, failure -> {
                    LOG.warnf("Result of command %s not stored: %s", id, failure.toString());
                    pending.complete(id, result);
                });
    }

    static AuditEntry resultEntry(CommandRecord command) {
        return AuditEntry.of(command.tenant(), command.requestedBy(), "command_result", command.deviceId(),
                command.deviceIdentity(), command.capability(), command.id(), CommandDispatcher.digest(command.payload()),
                command.status().name(), command.reasonCode());
    }
}
