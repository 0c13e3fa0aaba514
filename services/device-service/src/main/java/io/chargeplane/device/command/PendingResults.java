package io.chargeplane.device.command;

import io.chargeplane.model.command.CommandResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Requests of this instance that wait for their command's result. */
@ApplicationScoped
public class PendingResults {

    private final Map<UUID, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<CommandResult> register(UUID command) {
        return waiting.computeIfAbsent(command, id -> new CompletableFuture<>());
    }

    void forget(UUID command) {
        waiting.remove(command);
    }

    void complete(UUID command, CommandResult result) {
        CompletableFuture<CommandResult> waiter = waiting.remove(command);
        if (waiter != null) {
            waiter.complete(result);
        }
    }
}
