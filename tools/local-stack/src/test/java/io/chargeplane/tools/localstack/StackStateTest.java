package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.tools.localstack.StackState.ComponentState;
import io.chargeplane.tools.localstack.StackState.ProcessRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path dir;

    @Test
    void survivesTheRoundTripThroughStackJson() {
        StackState state = new StackState(ProcessRef.of(ProcessHandle.current()), dir.toString(), List.of())
                .with(new ComponentState("redis", "engine", "redis://127.0.0.1:16379", "tcp://127.0.0.1:16379",
                        "/x/engines.log", "", List.of(new ProcessRef(42, 7)), List.of(16379)));
        Path file = dir.resolve("stack.json");
        state.write(file);
        assertEquals(state, StackState.read(file).orElseThrow());
    }

    @Test
    void recognisesTheCurrentProcessAsLive() {
        assertTrue(ProcessRef.of(ProcessHandle.current()).live().isPresent());
    }

    @Test
    void neverTakesAReusedPidForTheRecordedProcess() {
        ProcessRef self = ProcessRef.of(ProcessHandle.current());
        ProcessRef sameProcessOtherStart = new ProcessRef(self.pid(), self.startMillis() - 60_000);
        assertTrue(sameProcessOtherStart.live().isEmpty());
    }
}
