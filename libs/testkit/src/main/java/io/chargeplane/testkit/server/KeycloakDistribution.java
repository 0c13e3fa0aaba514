package io.chargeplane.testkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds the unpacked Keycloak distribution the build prepared, or unpacks it from the local Maven
 * repository when the kit runs outside the build (an IDE). The unpacked folder is read-only to
 * {@link KeycloakServer}: every start works in an overlay of its own.
 */
public final class KeycloakDistribution {

    /** Set by the build (failsafe) to the folder the dependency plugin unpacked Keycloak into. */
    public static final String HOME_PROPERTY = "chargeplane.testkit.keycloak.home";

    private static final String UNPACK_MARKER = ".chargeplane-unpacked";
    private static final String BUILD_MARKERS = ".unpack-markers";

    private KeycloakDistribution() {
    }

    /** The Keycloak version this kit was built against (the root pom's {@code keycloak.version}). */
    public static String version() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/io/chargeplane/testkit/testkit.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("testkit.properties is missing from the test kit jar", e);
        }
    }

    /** A complete unpacked distribution, unpacking it first if needed. */
    public static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : defaultCache();
        return isComplete(home) ? home : unpack(home);
    }

    static boolean isComplete(Path home) {
        return Files.isRegularFile(home.resolve("bin/kc.sh"))
                && Files.isRegularFile(home.resolve("lib/quarkus-run.jar"))
                && (Files.exists(home.resolve(UNPACK_MARKER)) || Files.isDirectory(home.resolve(BUILD_MARKERS)));
    }

    /**
     * {@code <build root>/target/keycloak-<version>}: the outermost folder above the working directory whose
     * pom is the Chargeplane parent, so an IDE run shares the build's cache; else the working directory's
     * {@code target/}.
     */
    static Path defaultCache() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = null;
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (isChargeplaneRoot(candidate)) {
                root = candidate;
            }
        }
        return (root != null ? root : dir).resolve("target").resolve("keycloak-" + version());
    }

    private static boolean isChargeplaneRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>chargeplane-parent</artifactId>\n    <version>");
        } catch (IOException e) {
            return false;
        }
    }

    static Path localRepositoryZip() {
        String repo = System.getProperty("maven.repo.local");
        Path base = repo != null && !repo.isBlank()
                ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        String version = version();
        return base.resolve("org/keycloak/keycloak-quarkus-dist").resolve(version)
                .resolve("keycloak-quarkus-dist-" + version + ".zip");
    }

    /**
     * Unpacks under an exclusive file lock into a scratch folder next to {@code home} and moves it into
     * place, so a concurrent JVM never sees a half-unpacked distribution.
     */
    private static Path unpack(Path home) {
        Path zip = localRepositoryZip();
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " and " + zip
                    + " is missing; build once with Maven (mvn -pl libs/testkit -am verify) to fetch it");
        }
        try {
            Path parent = Files.createDirectories(home.getParent());
            try (FileChannel channel = FileChannel.open(parent.resolve(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (isComplete(home)) {
                    return home;
                }
                Path scratch = Files.createTempDirectory(parent, home.getFileName() + ".unpacking-");
                try {
                    Path top = extract(zip, scratch);
                    Files.writeString(top.resolve(UNPACK_MARKER), zip.toString());
                    DataDirectory.deleteRecursively(home);
                    Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    DataDirectory.deleteRecursively(scratch);
                }
                return home;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + home, e);
        }
    }

    /** Extracts the zip and returns its single top-level folder. */
    private static Path extract(Path zip, Path target) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry escapes the target folder: " + entry.getName());
                }
                if (top == null) {
                    top = target.resolve(target.relativize(out).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (top == null) {
            throw new IOException(zip + " is empty");
        }
        return top;
    }
}
