package io.chargeplane.testkit.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keycloak's development mode rewrites {@code lib/quarkus} (about 25 s on two cores) whenever its
 * build-time options differ from the ones the distribution was built with. The result depends only on
 * the distribution and those options, so it is kept in a sibling of the distribution folder and copied
 * into later overlays, which then start without re-augmenting. It is bytecode, never data.
 */
final class KeycloakAugmentationCache {

    private static final String COMPLETE = ".complete";

    private final Path folder;

    private KeycloakAugmentationCache(Path folder) {
        this.folder = folder;
    }

    static KeycloakAugmentationCache forHome(Path home, List<String> buildOptions) {
        String key = String.join(" ", buildOptions);
        return new KeycloakAugmentationCache(home.resolveSibling(home.getFileName() + ".augmented-" + hash(key)));
    }

    Optional<Path> augmented() {
        return Files.exists(folder.resolve(COMPLETE)) ? Optional.of(folder.resolve("quarkus")) : Optional.empty();
    }

    /** Keeps the overlay's augmented bytecode unless another JVM already did; failures only cost speed. */
    void store(Path overlay) {
        if (augmented().isPresent()) {
            return;
        }
        Path lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (augmented().isPresent()) {
                return;
            }
            DataDirectory.deleteRecursively(folder);
            Path scratch = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".writing-");
            KeycloakOverlay.copyTree(overlay.resolve("lib/quarkus"), scratch.resolve("quarkus"));
            Files.writeString(scratch.resolve(COMPLETE), "augmented by a Keycloak start\n");
            Files.move(scratch, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.getLogger(KeycloakAugmentationCache.class.getName())
                    .log(System.Logger.Level.WARNING, "Keycloak augmentation not cached: " + e.getMessage());
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
