package io.chargeplane.bridge.ocpp.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.chargeplane.bridge.ocpp.catalog.ActionCatalog;
import io.chargeplane.bridge.ocpp.catalog.ActionSpec;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled JSON schemas of every catalogued action, loaded and compiled once at construction.
 *
 * <p>The schemas are this project's own (draft-07), written from the OCPP 1.6J and 2.0.1 specifications and
 * kept under {@code src/main/resources/io/chargeplane/bridge/ocpp/schemas/}. A missing or unparsable schema
 * fails construction: an adapter must not start with a hole in its validation. Thread-safe after
 * construction; build one per process and share it.
 */
public final class SchemaRegistry {

    static final String ROOT = "io/chargeplane/bridge/ocpp/schemas/";

    private final Map<OcppVersion, Map<String, JsonSchema[]>> schemas = new EnumMap<>(OcppVersion.class);
    private final ActionCatalog catalog;

    public SchemaRegistry(ActionCatalog catalog) {
        this.catalog = catalog;
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        ObjectMapper reader = new ObjectMapper();
        ClassLoader loader = SchemaRegistry.class.getClassLoader();
        for (OcppVersion version : OcppVersion.values()) {
            Map<String, JsonSchema[]> byAction = new HashMap<>();
            for (ActionSpec spec : catalog.actions(version)) {
                JsonSchema[] pair = new JsonSchema[PayloadKind.values().length];
                for (PayloadKind kind : PayloadKind.values()) {
                    pair[kind.ordinal()] = compile(factory, config, reader, loader, version, spec.action(), kind);
                }
                byAction.put(spec.action(), pair);
            }
            schemas.put(version, byAction);
        }
    }

    /** A registry of {@link ActionCatalog#standard()}. */
    public static SchemaRegistry standard() {
        return new SchemaRegistry(ActionCatalog.standard());
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    /** The compiled schema, empty for an action outside the catalogue. */
    public Optional<JsonSchema> schema(OcppVersion version, String action, PayloadKind kind) {
        JsonSchema[] pair = schemas.get(version).get(action);
        return pair == null ? Optional.empty() : Optional.of(pair[kind.ordinal()]);
    }

    /** The resource path of a schema, e.g. {@code io/chargeplane/bridge/ocpp/schemas/ocpp16/Reset.req.json}. */
    public static String resourcePath(OcppVersion version, String action, PayloadKind kind) {
        return ROOT + PayloadKind.directory(version) + "/" + kind.resourceName(version, action);
    }

    private static JsonSchema compile(JsonSchemaFactory factory, SchemaValidatorsConfig config, ObjectMapper reader,
                                      ClassLoader loader, OcppVersion version, String action, PayloadKind kind) {
        String path = resourcePath(version, action, kind);
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing OCPP schema resource " + path);
            }
            JsonNode node = reader.readTree(in);
            JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + path), node, config);
            // Compile every keyword now instead of on the first message of a connection.
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("reading OCPP schema " + path, e);
        }
    }
}
