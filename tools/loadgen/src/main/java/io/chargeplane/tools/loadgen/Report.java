package io.chargeplane.tools.loadgen;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The one JSON object a run prints: what the chargers saw and what the platform's processes spent. */
final class Report {

    private Report() {
    }

    static Map<String, Object> of(Settings settings, PhaseResult setup, PhaseResult result,
                                  Map<String, ProcSample> baseline, Map<String, ProcSample> ready,
                                  Map<String, ProcSample> held, Map<String, ProcSample> from,
                                  Map<String, ProcSample> to, Map<String, ProcSample> end) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", settings.scenario().id());
        out.put("version", settings.dialect().subprotocol());
        out.put("chargers", settings.chargers());
        out.put("processes", settings.processes());
        if (settings.scenario() == Scenario.METER_LOOP) {
            out.put("targetRate", settings.rate());
            out.put("warmupSeconds", settings.warmup().toMillis() / 1000.0);
        }
        if (setup != null) {
            out.put("setup", phase(setup, false));
        }
        out.put("result", phase(result, settings.scenario() == Scenario.METER_LOOP));
        if (!settings.measure().isEmpty()) {
            out.put("platform", platform(settings, result, baseline, ready, held, from, to, end));
        }
        return out;
    }

    static Map<String, Object> phase(PhaseResult r, boolean rate) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attempted", r.attempted());
        out.put("answered", r.answered());
        out.put("accepted", r.accepted());
        out.put("failed", r.failed());
        if (!r.failures().isEmpty()) {
            out.put("failures", r.failures());
        }
        out.put("elapsedMs", r.elapsedMillis());
        if (r.lastUpgradeMillis() > 0) {
            out.put("lastUpgradeMs", r.lastUpgradeMillis());
        }
        if (rate) {
            out.put("windowMs", r.windowMillis());
            out.put("answeredPerSecond", round(r.answeredPerSecond()));
        }
        out.put("openAtEnd", r.openAtEnd());
        out.put("latencyMs", latency(r.histogram()));
        return out;
    }

    static Map<String, Object> latency(Histogram h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return out;
        }
        out.put("p50", ms(h.getValueAtPercentile(50)));
        out.put("p90", ms(h.getValueAtPercentile(90)));
        out.put("p99", ms(h.getValueAtPercentile(99)));
        out.put("p999", ms(h.getValueAtPercentile(99.9)));
        out.put("max", ms(h.getMaxValue()));
        out.put("mean", round(h.getMean() / 1000.0));
        return out;
    }

    private static Map<String, Object> platform(Settings settings, PhaseResult result, Map<String, ProcSample> baseline,
                                                Map<String, ProcSample> ready, Map<String, ProcSample> held,
                                                Map<String, ProcSample> from, Map<String, ProcSample> to,
                                                Map<String, ProcSample> end) {
        Map<String, Object> out = new LinkedHashMap<>();
        double cpu = 0;
        for (String name : settings.measure().keySet()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pid", settings.measure().get(name));
            Map<String, Object> rss = new LinkedHashMap<>();
            rss.put("baseline", baseline.get(name).rssKiB());
            rss.put("ready", ready.get(name).rssKiB());
            if (held != null) {
                rss.put("held", held.get(name).rssKiB());
            }
            rss.put("end", end.get(name).rssKiB());
            p.put("rssKiB", rss);
            double seconds = to.get(name).cpuSecondsSince(from.get(name));
            p.put("cpuSeconds", round(seconds));
            cpu += seconds;
            out.put(name, p);
        }
        out.put("cpuSeconds", round(cpu));
        if (cpu > 0 && result.answered() > 0) {
            out.put("answeredPerCpuSecond", round(result.answered() / cpu));
        }
        if (held != null && result.openAtEnd() > 0) {
            Map<String, Object> perConnection = new LinkedHashMap<>();
            for (String name : settings.measure().keySet()) {
                long growth = held.get(name).rssKiB() - baseline.get(name).rssKiB();
                perConnection.put(name, round(growth * 1024.0 / result.openAtEnd()));
            }
            out.put("rssGrowthBytesPerConnection", perConnection);
        }
        return out;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
