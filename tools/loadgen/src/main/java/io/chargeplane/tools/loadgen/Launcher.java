package io.chargeplane.tools.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Spreads a run over child JVMs (each below the process file limit), starts their measured phase at the same
 * moment, samples the platform's processes from {@code /proc} around it and merges what the children saw.
 *
 * <p>Children speak one line per step on stdout: {@code READY <json>} after the setup, then, after the
 * launcher wrote {@code GO} to their stdin, {@code RESULT <json>}.
 */
final class Launcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Launcher() {
    }

    static Map<String, Object> run(Settings settings) throws Exception {
        Map<String, ProcSample> baseline = sample(settings);
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < settings.processes(); i++) {
                children.add(Child.start(i, settings));
            }
            long setupBound = settings.callTimeout().multipliedBy(3).toMillis() + 60_000;
            PhaseResult setup = mergeAll(children, c -> c.ready, setupBound);
            Map<String, ProcSample> ready = sample(settings);
            for (Child c : children) {
                c.go();
            }
            long go = System.nanoTime();
            Map<String, ProcSample> from = ready;
            Map<String, ProcSample> to = null;
            Map<String, ProcSample> held = null;
            if (settings.scenario() == Scenario.METER_LOOP) {
                sleepUntil(go + settings.warmup().toNanos());
                from = sample(settings);
                sleepUntil(go + settings.warmup().plus(settings.duration()).toNanos());
                to = sample(settings);
            } else if (settings.scenario() == Scenario.IDLE) {
                sleepUntil(go + settings.hold().toNanos() * 3 / 4);
                held = sample(settings);
            }
            long runBound = settings.warmup().plus(settings.duration()).plus(settings.hold())
                    .plus(settings.callTimeout().multipliedBy(3)).toMillis() + 60_000;
            PhaseResult result = mergeAll(children, c -> c.result, runBound);
            Map<String, ProcSample> end = sample(settings);
            return Report.of(settings, settings.scenario().connectsBeforeStart() ? setup : null, result,
                    baseline, ready, held, from, to == null ? end : to, end);
        } finally {
            for (Child c : children) {
                c.finish();
            }
        }
    }

    private static PhaseResult mergeAll(List<Child> children, Function<Child, CompletableFuture<PhaseResult>> which,
                                        long boundMillis) throws Exception {
        PhaseResult merged = null;
        long deadline = System.nanoTime() + boundMillis * 1_000_000;
        for (Child c : children) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            PhaseResult r = which.apply(c).get(left, TimeUnit.MILLISECONDS);
            merged = merged == null ? r : PhaseResult.merge(merged, r);
        }
        return merged;
    }

    private static Map<String, ProcSample> sample(Settings settings) {
        Map<String, ProcSample> out = new LinkedHashMap<>();
        settings.measure().forEach((name, pid) -> out.put(name, ProcSample.of(pid)));
        return out;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** One child JVM and the two answers it owes. */
    private static final class Child {
        final Process process;
        final OutputStream stdin;
        final CompletableFuture<PhaseResult> ready = new CompletableFuture<>();
        final CompletableFuture<PhaseResult> result = new CompletableFuture<>();

        private Child(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
        }

        static Child start(int index, Settings settings) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // A small serial-GC heap: the generator should spend its CPU on sockets, not on collection threads.
            command.addAll(List.of("-XX:+UseSerialGC", "-Xms128m", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError",
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                    "-cp", System.getProperty("java.class.path"), LoadgenMain.class.getName(), "child",
                    Integer.toString(index), settings.sourceAddresses() ? "127.0.0." + (2 + index) : "-"));
            command.addAll(settings.share(index).toArgs());
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Child child = new Child(p);
            Thread reader = new Thread(child::read, "loadgen-child-" + index);
            reader.setDaemon(true);
            reader.start();
            return child;
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        ready.complete(JSON.readValue(line.substring(6), PhaseResult.class));
                    } else if (line.startsWith("RESULT ")) {
                        result.complete(JSON.readValue(line.substring(7), PhaseResult.class));
                    } else {
                        System.err.println(line);
                    }
                }
            } catch (IOException e) {
                // handled below: the process is gone
            }
            IllegalStateException gone = new IllegalStateException("a load generator process ended without its result");
            ready.completeExceptionally(gone);
            result.completeExceptionally(gone);
        }

        void go() throws IOException {
            stdin.write("GO\n".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        }

        void finish() {
            try {
                stdin.close();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
