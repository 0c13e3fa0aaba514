package io.chargeplane.bridge.ocpp;

import io.chargeplane.bridge.ocpp.catalog.ActionSpec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the golden frame files under {@code src/test/resources/frames/}. */
public final class GoldenFrames {

    private GoldenFrames() {
    }

    public static String directory(OcppVersion version) {
        return switch (version) {
            case OCPP16 -> "ocpp16";
            case OCPP201 -> "ocpp201";
        };
    }

    /** 1.6 calls the response ".conf", 2.0.1 calls it a response. */
    public static String responseSuffix(OcppVersion version) {
        return version == OcppVersion.OCPP16 ? ".conf.json" : ".res.json";
    }

    public static String request(ActionSpec spec) {
        return read("frames/" + directory(spec.version()) + "/" + spec.action() + ".req.json");
    }

    public static String response(ActionSpec spec) {
        return read("frames/" + directory(spec.version()) + "/" + spec.action() + responseSuffix(spec.version()));
    }

    public static String read(String resource) {
        try (InputStream in = GoldenFrames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden frame " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
