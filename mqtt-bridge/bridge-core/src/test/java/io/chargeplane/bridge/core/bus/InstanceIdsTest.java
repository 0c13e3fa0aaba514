package io.chargeplane.bridge.core.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceIdsTest {

    @Test
    void configuredIdIsTakenAsIs() {
        assertEquals("bridge-7", InstanceIds.resolve(Optional.of("bridge-7")).value());
    }

    @Test
    void defaultIdIsTheHostNameWithARandomSuffix() {
        String first = InstanceIds.withSuffix("ocpp-bridge-5d8f");
        assertTrue(first.matches("ocpp-bridge-5d8f-[a-z0-9]{6}"), first);
        assertNotEquals(first, InstanceIds.withSuffix("ocpp-bridge-5d8f"));
    }

    @Test
    void hostNameCharactersThatCannotBeATopicLevelAreReplaced() {
        assertTrue(InstanceIds.withSuffix("my host/+#").startsWith("my-host---"));
        assertTrue(InstanceIds.resolve(Optional.empty()).value().matches("[A-Za-z0-9._:-]+-[a-z0-9]{6}"));
    }
}
