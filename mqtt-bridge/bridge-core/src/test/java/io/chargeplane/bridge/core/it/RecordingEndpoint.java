package io.chargeplane.bridge.core.it;

import io.chargeplane.bridge.core.spi.DeviceEndpoint;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The device side as an adapter connection presents it to core: every command it is given is recorded and
 * answered ACCEPTED with a detail naming the connection, so a test can tell which connection executed it.
 */
final class RecordingEndpoint implements DeviceEndpoint {

    final String name;
    final List<CommandRequest> executed = new CopyOnWriteArrayList<>();
    final CountDownLatch replaced = new CountDownLatch(1);

    RecordingEndpoint(String name) {
        this.name = name;
    }

    @Override
    public Uni<CommandResult> execute(CommandRequest command) {
        executed.add(command);
        return Uni.createFrom().item(new CommandResult(command.correlationId(), command.capability(),
                CommandStatus.ACCEPTED, null, Map.of("connection", name)));
    }

    @Override
    public void replaced() {
        replaced.countDown();
    }

    @Override
    public String remoteAddress() {
        return "192.0.2.10:51000";
    }

    boolean wasReplaced() {
        return replaced.getCount() == 0;
    }
}
