package io.chargeplane.tools.localstack;

import io.chargeplane.tools.localstack.StackState.ComponentState;
import io.chargeplane.tools.localstack.StackState.ProcessRef;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code status} and {@code down} from any terminal, working only from {@code stack.json}. */
public final class StackControl {

    /** How long {@code down} lets the launcher stop everything in order before it signals what is left itself. */
    static final Duration LAUNCHER_GRACE = Duration.ofSeconds(120);

    private final StackLayout layout;
    private final PrintStream out;

    public StackControl(StackLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /** Whether a launcher of this data folder is alive. */
    public Optional<StackState> running() {
        return StackState.read(layout.stateFile()).filter(state -> state.launcher().live().isPresent());
    }

    /** Prints the table with live health; 0 when every component is up, 3 when something is down or nothing runs. */
    public int status() {
        Optional<StackState> state = StackState.read(layout.stateFile());
        if (state.isEmpty()) {
            out.println("No stack runs from " + layout.dataDir() + " (no stack.json).");
            return 3;
        }
        boolean launcherAlive = state.get().launcher().live().isPresent();
        boolean[] allUp = {launcherAlive};
        String table = Table.render(state.get().components(), component -> {
            Health.Result result = Health.probe(component.health());
            allUp[0] &= result.up();
            return result.label();
        }, List.of());
        out.print(table);
        if (!launcherAlive) {
            out.println("The launcher (PID " + state.get().launcher().pid() + ") is gone: run ./chargeplane down to clean up.");
        }
        return allUp[0] ? 0 : 3;
    }

    /** Stops the launcher (which stops everything in order), then anything left; 0 when no process and no port remains. */
    public int down() {
        Optional<StackState> read = StackState.read(layout.stateFile());
        if (read.isEmpty()) {
            out.println("Nothing to stop: no stack.json in " + layout.dataDir() + ".");
            return 0;
        }
        StackState state = read.get();
        state.launcher().live().ifPresent(launcher -> {
            out.println("asking the launcher (PID " + launcher.pid() + ") to stop the stack …");
            launcher.destroy();
            if (!ProcessTrees.await(launcher, LAUNCHER_GRACE)) {
                out.println("the launcher did not stop within " + LAUNCHER_GRACE.toSeconds() + " s; killing it");
                launcher.destroyForcibly();
                ProcessTrees.await(launcher, Duration.ofSeconds(10));
            }
        });
        for (ComponentState component : state.components().reversed()) {
            for (ProcessRef ref : component.processes()) {
                ref.live().ifPresent(handle -> {
                    out.println("stopping leftover " + component.name() + " process " + handle.pid());
                    ProcessTrees.stop(handle, Duration.ofSeconds(20));
                });
            }
        }
        List<String> busy = awaitPortsFree(state, Duration.ofSeconds(15));
        List<String> alive = new ArrayList<>();
        state.components().forEach(component -> component.processes().forEach(ref -> ref.live()
                .ifPresent(handle -> alive.add(component.name() + " PID " + handle.pid()))));
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException e) {
            out.println("could not delete " + layout.stateFile() + ": " + e.getMessage());
        }
        if (busy.isEmpty() && alive.isEmpty()) {
            out.println("stack stopped: no process and no port left");
            return 0;
        }
        alive.forEach(line -> out.println("still running: " + line));
        busy.forEach(line -> out.println("still taken: " + line));
        return 1;
    }

    private static List<String> awaitPortsFree(StackState state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> busy;
        do {
            busy = new ArrayList<>();
            for (ComponentState component : state.components()) {
                for (int port : component.ports()) {
                    if (!StackPorts.isFree(port)) {
                        busy.add("port " + port + " (" + component.name() + ")");
                    }
                }
            }
            if (busy.isEmpty()) {
                return busy;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return busy;
            }
        } while (System.nanoTime() < deadline);
        return busy;
    }
}
