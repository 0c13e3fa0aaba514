package io.chargeplane.tools.localstack;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * Sends what the engines running inside the launcher log (Kafka, HiveMQ, the PostgreSQL and Redis wrappers)
 * to {@code logs/engines.log}, so the terminal shows only the launcher's own progress.
 */
final class EngineLogs {

    private EngineLogs() {
    }

    static void toFile(Path file) {
        Logger root = LogContext.getSystemLogContext().getLogger("");
        for (Handler handler : root.clearHandlers()) {
            handler.close();
        }
        try {
            FileHandler handler = new FileHandler(new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n"),
                    file.toFile(), true);
            handler.setAutoFlush(true);
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
