package io.chargeplane.tools.localstack;

import io.chargeplane.testkit.server.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the stack keeps things: the repository it runs from (packaged deployables) and the data folder
 * ({@code ./.chargeplane} by default) with one folder per engine, the logs and the state file.
 */
public record StackLayout(Path root, Path dataDir) {

    public StackLayout {
        root = root.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public static StackLayout of(Path root, Path dataDir) {
        return new StackLayout(root, dataDir != null ? dataDir : root.resolve(".chargeplane"));
    }

    public Path engineDir(String engine) {
        return dataDir.resolve(engine);
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path stateFile() {
        return dataDir.resolve("stack.json");
    }

    /** Packaged Quarkus application of a module, e.g. {@code services/device-service}. */
    public Path quarkusApp(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** {@code --fresh}: everything the stack stored is gone; refuses folders that do not look like one of ours. */
    public void wipe() {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (dataDir.equals(root) || dataDir.getNameCount() < 2) {
            throw new IllegalArgumentException("Refusing to wipe " + dataDir);
        }
        DataDirectory.deleteRecursively(dataDir);
    }

    public void prepare() {
        try {
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logs(), e);
        }
    }
}
