package io.chargeplane.tools.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PhaseResultTest {

    @Test
    void resultsOfTwoProcessesMergeCountsFailuresAndLatencies() throws Exception {
        PhaseResult a = result(100, 98, Map.of("timeout", 2L), 1_000, 2_000);
        PhaseResult b = result(50, 49, Map.of("timeout", 1L, "http-401", 0L), 5_000, 1_500);
        ObjectMapper json = new ObjectMapper();
        // Children send their results as JSON lines: merge what came over the wire.
        PhaseResult merged = PhaseResult.merge(json.readValue(json.writeValueAsString(a), PhaseResult.class),
                json.readValue(json.writeValueAsString(b), PhaseResult.class));

        assertEquals(150, merged.attempted());
        assertEquals(147, merged.answered());
        assertEquals(3, merged.failed());
        assertEquals(3L, merged.failures().get("timeout"));
        assertEquals(2_000, merged.elapsedMillis());
        Histogram h = merged.histogram();
        assertEquals(147, h.getTotalCount());
        assertEquals(5_000, h.getMaxValue(), 5_000 * 0.001);
    }

    private static PhaseResult result(long attempted, long answered, Map<String, Long> failures, long latencyMicros,
                                      long elapsed) {
        Histogram h = PhaseResult.newHistogram();
        h.recordValueWithCount(latencyMicros, answered);
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return new PhaseResult("meter-loop", attempted, answered, answered, failed, failures, elapsed, 0, elapsed,
                0, PhaseResult.encode(h));
    }
}
