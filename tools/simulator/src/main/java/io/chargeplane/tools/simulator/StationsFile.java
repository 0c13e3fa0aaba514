package io.chargeplane.tools.simulator;

import io.chargeplane.tools.loadgen.OcppDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stations file: one station per line, {@code id,password,version[,connectors]}, {@code #} starts a
 * comment. Example: {@code CP-0001,s3cret-password-01,1.6,2}.
 */
public final class StationsFile {

    private StationsFile() {
    }

    public static List<StationSpec> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<StationSpec> parse(List<String> lines, String source) {
        List<StationSpec> stations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] f = text.split("\\s*,\\s*");
            if (f.length < 3 || f.length > 4) {
                throw new IllegalArgumentException(source + ":" + (n + 1) + ": expected id,password,version[,connectors]");
            }
            try {
                StationSpec spec = new StationSpec(f[0], f[1], OcppDialect.parse(f[2]),
                        f.length == 4 ? Integer.parseInt(f[3]) : 1);
                if (!seen.add(spec.id())) {
                    throw new IllegalArgumentException("station " + spec.id() + " listed twice");
                }
                stations.add(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        if (stations.isEmpty()) {
            throw new IllegalArgumentException(source + ": no stations");
        }
        return List.copyOf(stations);
    }
}
