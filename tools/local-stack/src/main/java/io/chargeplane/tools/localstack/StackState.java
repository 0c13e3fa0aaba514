package io.chargeplane.tools.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code stack.json}: what {@code status} and {@code down} need from another terminal — the launcher's
 * process, and per component its URL, health probe, log, processes and ports. Rewritten after every
 * component that comes up, so even a launcher killed mid-start leaves enough behind to clean up.
 */
public record StackState(ProcessRef launcher, String dataDir, List<ComponentState> components) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public StackState {
        components = List.copyOf(components);
    }

    /**
     * A process identified by PID and start time, so a PID the system reused for something else is never signalled.
     */
    public record ProcessRef(long pid, long startMillis) {

        public static ProcessRef of(ProcessHandle handle) {
            return new ProcessRef(handle.pid(), handle.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L));
        }

        public Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> startMillis == 0
                    || handle.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - startMillis) < 1000).orElse(true));
        }
    }

    /** One running component: {@code kind} is {@code engine} or {@code service}. */
    public record ComponentState(String name, String kind, String url, String health, String log, String note,
                                 List<ProcessRef> processes, List<Integer> ports) {
        public ComponentState {
            processes = List.copyOf(processes);
            ports = List.copyOf(ports);
        }
    }

    public StackState with(ComponentState component) {
        List<ComponentState> more = new ArrayList<>(components);
        more.add(component);
        return new StackState(launcher, dataDir, more);
    }

    public void write(Path file) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static Optional<StackState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (delete it if no stack runs)", e);
        }
    }
}
