package io.chargeplane.bench.rating;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Counts operations against the benchmark thread's own CPU time and prints operations per CPU-second after
 * each iteration. On a machine shared with other work, JMH's wall-clock throughput falls whenever the thread
 * waits for a core; this figure is what one core does while it runs the code.
 */
@State(Scope.Thread)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    long operations;
    private long startCpuNanos;

    @Setup(Level.Iteration)
    public void start() {
        operations = 0;
        startCpuNanos = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void report() {
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%n  [cpu] %,.0f ops per CPU-second (%d ops in %.3f CPU-s)%n",
                operations / cpuSeconds, operations, cpuSeconds);
    }
}
