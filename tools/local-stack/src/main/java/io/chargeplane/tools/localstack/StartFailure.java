package io.chargeplane.tools.localstack;

import java.nio.file.Path;

/** A component did not come up: which one, why, and where its log is. */
public final class StartFailure extends RuntimeException {

    private final String component;
    private final Path log;

    public StartFailure(String component, String reason, Path log, Throwable cause) {
        super(component + " failed to start: " + reason, cause);
        this.component = component;
        this.log = log;
    }

    public String component() {
        return component;
    }

    public Path log() {
        return log;
    }
}
