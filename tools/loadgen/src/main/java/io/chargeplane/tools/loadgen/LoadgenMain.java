package io.chargeplane.tools.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.testkit.server.MqttBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command line of the OCPP load generator.
 *
 * <pre>
 * run         --scenario boot-burst|idle|meter-loop|reconnect-storm --version 1.6|2.0.1 --chargers N --processes K
 *             [--port P --rate R --warmup S --duration S --hold S --measure bridge=PID,broker=PID ...]
 *             prints one JSON line with the merged result
 * credentials --file F --chargers N [--tenant T --iterations I --prefix P --first-station S --password W]
 * broker      --port-file F          runs HiveMQ CE (the test kit's MqttBroker) until stdin closes
 * </pre>
 */
public final class LoadgenMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadgenMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: run|credentials|broker [--key value ...] (see LoadgenMain's Javadoc)");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "run" -> System.out.println(JSON.writeValueAsString(Launcher.run(Settings.parse(rest))));
            case "child" -> child(rest);
            case "credentials" -> credentials(rest);
            case "broker" -> broker(rest);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** One share of a run, driven by the launcher over stdin/stdout. */
    private static void child(List<String> args) throws Exception {
        String source = args.get(1);
        Settings settings = Settings.parse(args.subList(2, args.size()));
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        try (Fleet fleet = Fleet.open(settings, "-".equals(source) ? null : source)) {
            PhaseResult setup = settings.scenario().connectsBeforeStart()
                    ? fleet.connectAll("setup")
                    : new PhaseCounters(System.nanoTime()).result("setup", 0, 0);
            System.out.println("READY " + JSON.writeValueAsString(setup));
            System.out.flush();
            String line = stdin.readLine();
            if (!"GO".equals(line)) {
                return;
            }
            PhaseResult result = switch (settings.scenario()) {
                case BOOT_BURST -> fleet.connectAll(Scenario.BOOT_BURST.id());
                case IDLE -> fleet.hold();
                case METER_LOOP -> fleet.meterLoop();
                case RECONNECT_STORM -> fleet.reconnectAll();
            };
            System.out.println("RESULT " + JSON.writeValueAsString(result));
            System.out.flush();
        }
    }

    private static void credentials(List<String> args) throws Exception {
        List<String> settingsArgs = new ArrayList<>();
        Path file = null;
        String tenant = "bench";
        int iterations = 210_000;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--file" -> file = Path.of(args.get(i + 1));
                case "--tenant" -> tenant = args.get(i + 1);
                case "--iterations" -> iterations = Integer.parseInt(args.get(i + 1));
                default -> settingsArgs.addAll(List.of(args.get(i), args.get(i + 1)));
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("credentials needs --file");
        }
        if (!settingsArgs.contains("--processes") && settingsArgs.contains("--chargers")) {
            // Only the station range matters here; the per-process socket limit is the run's concern.
            int chargers = Integer.parseInt(settingsArgs.get(settingsArgs.indexOf("--chargers") + 1));
            settingsArgs.addAll(List.of("--processes",
                    Integer.toString((chargers + Settings.MAX_PER_PROCESS - 1) / Settings.MAX_PER_PROCESS)));
        }
        Settings stations = Settings.parse(settingsArgs);
        CredentialsFile.write(file, stations, tenant, iterations);
        System.err.printf("wrote %d stations (%s%06d..) to %s, PBKDF2 %d iterations%n", stations.chargers(),
                stations.prefix(), stations.firstStation(), file, iterations);
    }

    /** The benchmark's MQTT broker in a JVM of its own, so its CPU and memory can be measured apart. */
    private static void broker(List<String> args) throws Exception {
        if (args.size() != 2 || !"--port-file".equals(args.get(0))) {
            throw new IllegalArgumentException("broker needs --port-file F");
        }
        MqttBroker broker = new MqttBroker(MqttBroker.Options.defaults()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "broker-stop"));
        Path portFile = Path.of(args.get(1));
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(broker.port()));
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.err.println("MQTT broker on " + broker.uri());
        while (System.in.read() >= 0) {
            // runs until stdin closes (the harness exits) or SIGTERM
        }
        broker.stop();
    }
}
