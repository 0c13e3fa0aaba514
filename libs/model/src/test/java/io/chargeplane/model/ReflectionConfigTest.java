package io.chargeplane.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A native image only binds what is registered for reflection, and a missing entry shows up only at run
 * time in production. This keeps the shipped configuration equal to the classes the codec really binds.
 */
class ReflectionConfigTest {

    private static final String CONFIG =
            "/META-INF/native-image/io.chargeplane/chargeplane-model/reflect-config.json";

    @Test
    void shippedReflectionConfigListsExactlyTheBoundModelTypes() throws Exception {
        Set<String> listed = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream(CONFIG)) {
            assertNotNull(in, CONFIG + " is missing from the jar");
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                listed.add(entry.get("name").asText());
                assertTrue(entry.path("allDeclaredConstructors").asBoolean()
                        && entry.path("allDeclaredMethods").asBoolean(), entry.toString());
            }
        }

        assertEquals(ModelTypeGraph.reflectedClassNames(), listed,
                "regenerate with ModelTypeGraph.main (test classpath)");
    }

    @Test
    void graphReachesNestedAndGenericComponentTypes() {
        Set<String> names = ModelTypeGraph.reflectedClassNames();

        assertTrue(names.contains("io.chargeplane.model.event.RateBucket"));
        assertTrue(names.contains("io.chargeplane.model.unit.Money"));
        assertTrue(names.contains("io.chargeplane.model.command.TariffSlot"));
        assertTrue(names.contains("io.chargeplane.model.id.AdapterInstanceId"));
    }
}
