package io.chargeplane.tools.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deployable of the stack: everything needed to start it as {@code java -jar} and to know it is healthy.
 *
 * @param name     component name (table, log file {@code logs/<name>.log})
 * @param jar      the packaged application; a deployable whose jar is missing is left out
 * @param config   system properties handed to the application ({@code -Dkey=value})
 * @param database PostgreSQL database created before the first start, if the deployable has one
 * @param port     its HTTP port
 * @param extraPorts further ports it binds (checked free before start, verified free after stop)
 * @param healthUrl readiness probe
 * @param note     what else a user needs to know to reach it (an OCPP URL), or empty
 */
public record ServiceSpec(String name, Path jar, Map<String, String> config, Optional<String> database, int port,
                          List<Integer> extraPorts, String healthUrl, String note) {

    public ServiceSpec {
        config = Map.copyOf(config);
        extraPorts = List.copyOf(extraPorts);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
