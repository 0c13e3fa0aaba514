package io.chargeplane.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where an engine keeps its files: either a caller-owned folder that survives {@link #release()} (the local
 * stack) or a fresh temp folder that is deleted with everything in it (tests).
 */
public final class DataDirectory {

    private final Path path;
    private final boolean temporary;

    private DataDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** {@code requested} when given (kept), otherwise a new temp folder named after the engine (deleted). */
    public static DataDirectory of(Path requested, String engine) {
        try {
            if (requested != null) {
                return new DataDirectory(Files.createDirectories(requested.toAbsolutePath()), false);
            }
            return new DataDirectory(Files.createTempDirectory("chargeplane-" + engine + "-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder of " + engine, e);
        }
    }

    public Path path() {
        return path;
    }

    public boolean temporary() {
        return temporary;
    }

    public Path resolve(String child) {
        return path.resolve(child);
    }

    /** Deletes the folder if this kit created it; a caller-owned folder is left alone. */
    public void release() {
        if (temporary) {
            deleteRecursively(path);
        }
    }

    /** Deletes a file tree, tolerating files that vanish meanwhile (engines still flushing on exit). */
    public static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
