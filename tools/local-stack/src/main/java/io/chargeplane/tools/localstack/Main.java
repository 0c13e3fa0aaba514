package io.chargeplane.tools.localstack;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.tools.localstack.demo.Demo;
import io.chargeplane.tools.localstack.demo.DemoApi;
import io.chargeplane.tools.localstack.demo.DemoException;
import java.io.PrintStream;
import java.net.URI;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Command line of the local stack: {@code up [--fresh] [--demo]}, {@code status}, {@code down}, {@code help}; common
 * options {@code --data-dir DIR}, {@code --root DIR} and {@code --port name=N}. {@code ./chargeplane} builds
 * what is missing and then runs this.
 */
public final class Main {

    /** Parsed command line. */
    record Args(String command, boolean fresh, boolean demo, Path root, Path dataDir, List<String> ports) {

        static Args parse(String[] argv) {
            String command = null;
            boolean fresh = false;
            boolean demo = false;
            Path root = Path.of(System.getProperty("chargeplane.root", ""));
            Path dataDir = null;
            List<String> ports = new ArrayList<>();
            for (int i = 0; i < argv.length; i++) {
                String arg = argv[i];
                switch (arg) {
                    case "--fresh" -> fresh = true;
                    case "--demo" -> demo = true;
                    case "--root" -> root = Path.of(value(argv, ++i, arg));
                    case "--data-dir" -> dataDir = Path.of(value(argv, ++i, arg));
                    case "--port" -> ports.add(value(argv, ++i, arg));
                    case "-h", "--help" -> command = "help";
                    default -> {
                        if (arg.startsWith("-") || command != null) {
                            throw new IllegalArgumentException("Unexpected argument: " + arg);
                        }
                        command = arg;
                    }
                }
            }
            if (fresh && !"up".equals(command)) {
                throw new IllegalArgumentException("--fresh belongs to up");
            }
            if (demo && !"up".equals(command)) {
                throw new IllegalArgumentException("--demo belongs to up");
            }
            return new Args(command == null ? "help" : command, fresh, demo, root, dataDir, ports);
        }

        private static String value(String[] argv, int i, String option) {
            if (i >= argv.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return argv[i];
        }
    }

    static {
        // Before anything touches java.util.logging: the engines' logs then all reach EngineLogs' file.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }

    private Main() {
    }

    public static void main(String[] argv) {
        PrintStream out = System.out;
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(help());
            System.exit(2);
            return;
        }
        StackLayout layout = StackLayout.of(args.root(), args.dataDir());
        int code = switch (args.command()) {
            case "up" -> up(args, layout, out);
            case "status" -> new StackControl(layout, out).status();
            case "down" -> new StackControl(layout, out).down();
            case "help" -> {
                out.print(help());
                yield 0;
            }
            default -> {
                System.err.println("Unknown command: " + args.command());
                System.err.print(help());
                yield 2;
            }
        };
        System.exit(code);
    }

    private static int up(Args args, StackLayout layout, PrintStream out) {
        StackPorts ports;
        try {
            ports = StackPorts.withOverrides(args.ports());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Optional<StackState> running = new StackControl(layout, out).running();
        if (running.isPresent()) {
            out.println("A stack already runs from " + layout.dataDir() + " (launcher PID "
                    + running.get().launcher().pid() + "): ./chargeplane status, or ./chargeplane down first.");
            return 1;
        }
        if (args.fresh()) {
            out.println("--fresh: deleting " + layout.dataDir());
            layout.wipe();
        }
        out.println("Chargeplane local stack, data in " + layout.dataDir());
        LocalStack stack = new LocalStack(layout, ports, out);
        AtomicReference<Demo> demo = new AtomicReference<>();
        // The fleet first (its sessions end and are billed), then the stack, newest first.
        Runnable stopInOrder = () -> {
            Demo runningDemo = demo.get();
            if (runningDemo != null) {
                runningDemo.stop();
            }
            stack.stopAll();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopInOrder, "local-stack-stop"));
        stopInOrderOnSignals(stopInOrder);
        StackState state;
        try {
            state = stack.up();
        } catch (StartFailure failure) {
            out.println(failure.getMessage());
            if (failure.log() != null) {
                out.println("  log: " + failure.log());
            }
            out.println("Everything that had started was stopped.");
            return 1;
        }
        long since = ManagementFactory.getRuntimeMXBean().getStartTime();
        out.println();
        out.print(Table.render(state.components(), component -> Health.probe(component.health()).label(),
                DemoLogins.fromRealm()));
        out.println();
        out.printf("all healthy in %s s. Logs: %s. Ctrl-C or ./chargeplane down stops everything.%n",
                LocalStack.seconds((System.currentTimeMillis() - since) * 1_000_000L), layout.logs());
        out.flush();
        if (args.demo() && !startDemo(ports, out, demo)) {
            return 1;
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * SIGTERM (what {@code down} and the script's Ctrl-C send) and SIGINT stop everything in order <em>before</em>
     * the JVM shuts down. Left to shutdown hooks, the stop would race the engines' own hooks (the embedded
     * PostgreSQL closes itself in one), and the services would lose their database while they still finish the
     * fleet's last sessions. After the orderly stop those hooks find nothing left to do.
     */
    @SuppressWarnings("sunapi")
    private static void stopInOrderOnSignals(Runnable stopInOrder) {
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stopInOrder.run();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                // The signal is not available here (or reserved by the JVM): the shutdown hook still stops everything.
            }
        }
    }

    /** Sets up and starts the demo fleet; false (and the stack stops) when the platform refused a step. */
    private static boolean startDemo(StackPorts ports, PrintStream out, AtomicReference<Demo> demo) {
        String base = "http://127.0.0.1:";
        DemoApi api = new DemoApi(new DemoApi.Urls(base + ports.get("keycloak") + "/realms/" + DemoRealm.REALM,
                base + ports.get("device-service"), base + ports.get("charging-service"),
                base + ports.get("billing-service")));
        try {
            Demo started = Demo.start(api, URI.create("ws://127.0.0.1:" + ports.get("ocpp") + "/ocpp"), out);
            demo.set(started);
            out.println();
            out.print(Table.demo(started.snapshot().rows()));
            out.println();
            started.printStatusLines();
            return true;
        } catch (DemoException e) {
            out.println("demo set-up failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String help() {
        StringBuilder ports = new StringBuilder();
        StackPorts.DEFAULTS.forEach((name, port) -> ports.append("  ").append(String.format("%-20s", name)).append(port).append('\n'));
        return """
                Usage: ./chargeplane <command> [options]

                Commands:
                  up [--fresh] [--demo]
                                 start PostgreSQL, Kafka, MQTT, Redis, Keycloak and every built deployable;
                                 stays in the foreground, Ctrl-C stops everything. --fresh deletes the data first.
                                 --demo then registers a demo fleet (tenants acme and volt, ten OCPP chargers,
                                 tariffs, RFID cards, funded wallets) through the public APIs and runs it: sessions
                                 start, complete and are billed within a minute.
                  status         health of each component of the running stack
                  down           stop the running stack (from any terminal) and check no process or port is left
                  help           this text

                Options:
                  --data-dir DIR    where data, logs and stack.json live (default ./.chargeplane)
                  --port NAME=N     use another port (repeatable); defaults, all on 127.0.0.1:
                """ + ports;
    }
}
