package io.chargeplane.tools.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A deployable running as {@code java -jar} child process, its output in its log file. */
public final class ServiceProcess {

    private final ServiceSpec spec;
    private final Path log;
    private Process process;

    public ServiceProcess(ServiceSpec spec, Path log) {
        this.spec = spec;
        this.log = log;
    }

    /** The command line: the launcher's own JDK, a bounded heap, the spec's configuration as system properties. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms32m");
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        new TreeMap<>(spec.config()).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(spec.jar().toString());
        return command;
    }

    public Process start() {
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The deployables' own environment overrides (e.g. QUARKUS_HTTP_PORT) must not leak in from the shell.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("CHARGEPLANE_")
                || key.startsWith("KAFKA_") || key.equals("JAVA_TOOL_OPTIONS"));
        try {
            process = builder.start();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /** Waits until the health URL answers 200; fails early when the process exits. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Health.Result last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with code " + process.exitValue() + " while starting");
            }
            last = Health.probe(spec.healthUrl());
            if (last.up()) {
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for health");
            }
        }
        throw new IllegalStateException("not healthy within " + timeout.toSeconds() + " s ("
                + (last == null ? "never probed" : last.detail()) + ")");
    }

    public Process process() {
        return process;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path log() {
        return log;
    }

    public void stop(Duration grace) {
        ProcessTrees.stop(process == null ? null : process.toHandle(), grace);
    }
}
