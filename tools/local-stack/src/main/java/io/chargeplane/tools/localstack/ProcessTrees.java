package io.chargeplane.tools.localstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** SIGTERM to a process and everything it spawned, SIGKILL to whatever is left after the grace period. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    static void stop(ProcessHandle root, Duration grace) {
        if (root == null || !root.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroy();
        descendants.forEach(ProcessHandle::destroy);
        await(root, grace);
        descendants.forEach(handle -> await(handle, Duration.ofSeconds(2)));
        if (root.isAlive()) {
            root.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        await(root, Duration.ofSeconds(10));
        descendants.forEach(handle -> await(handle, Duration.ofSeconds(10)));
    }

    static boolean await(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }
}
