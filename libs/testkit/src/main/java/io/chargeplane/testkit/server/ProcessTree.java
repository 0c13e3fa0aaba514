package io.chargeplane.testkit.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a child process together with everything it spawned (launcher scripts fork the real JVM). */
final class ProcessTree {

    private ProcessTree() {
    }

    static void destroy(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        awaitExit(process.toHandle(), grace);
        descendants.forEach(handle -> awaitExit(handle, grace));
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        awaitExit(process.toHandle(), Duration.ofSeconds(10));
        descendants.forEach(handle -> awaitExit(handle, Duration.ofSeconds(10)));
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still alive after the grace period: the caller escalates
        }
    }
}
