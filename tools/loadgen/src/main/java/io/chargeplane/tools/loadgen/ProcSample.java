package io.chargeplane.tools.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory and consumed CPU from {@code /proc} (Linux): {@code VmRSS} of
 * {@code /proc/PID/status} and {@code utime + stime} of {@code /proc/PID/stat}.
 *
 * @param rssKiB resident set, KiB (-1 when the process is gone)
 * @param cpuTicks user + system time in clock ticks
 */
public record ProcSample(long pid, long rssKiB, long cpuTicks) {

    /** Clock ticks per second ({@code getconf CLK_TCK}); 100 on every common Linux. */
    public static final long TICKS_PER_SECOND = 100;

    public static ProcSample of(long pid) {
        try {
            long rss = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces and parentheses: fields are counted after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return new ProcSample(pid, rss, utime + stime);
        } catch (IOException | RuntimeException e) {
            return new ProcSample(pid, -1, 0);
        }
    }

    /** CPU seconds spent between {@code earlier} and this sample. */
    public double cpuSecondsSince(ProcSample earlier) {
        return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND;
    }
}
