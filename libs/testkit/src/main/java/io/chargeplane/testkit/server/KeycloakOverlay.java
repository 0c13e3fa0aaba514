package io.chargeplane.testkit.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A per-start Keycloak home: its own launcher, configuration, augmented bytecode and data folder, with
 * symbolic links to the shared distribution's (read-only) libraries and themes. Keycloak derives its home
 * from the launcher's real location, so the launcher is copied, never linked.
 */
final class KeycloakOverlay {

    private static final List<String> LINKED = List.of("lib/lib", "lib/app", "themes");
    private static final List<String> COPIED = List.of("bin/kc.sh", "lib/quarkus-run.jar", "version.txt");

    private KeycloakOverlay() {
    }

    static Path create(Path home, Path overlay, KeycloakAugmentationCache cache) throws IOException {
        Files.createDirectories(overlay.resolve("bin"));
        Files.createDirectories(overlay.resolve("lib"));
        Files.createDirectories(overlay.resolve("providers"));
        Files.createDirectories(overlay.resolve("data"));
        for (String file : COPIED) {
            Files.copy(home.resolve(file), overlay.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String dir : LINKED) {
            Path link = overlay.resolve(dir);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, home.resolve(dir).toAbsolutePath());
            }
        }
        if (!Files.exists(overlay.resolve("conf"))) {
            copyTree(home.resolve("conf"), overlay.resolve("conf"));
        }
        Path quarkus = overlay.resolve("lib/quarkus");
        DataDirectory.deleteRecursively(quarkus);
        copyTree(cache.augmented().orElse(home.resolve("lib/quarkus")), quarkus);
        // A transaction log left by an earlier run of a kept folder would be replayed against an empty database.
        DataDirectory.deleteRecursively(overlay.resolve("data/transaction-logs"));
        return overlay;
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path out = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
