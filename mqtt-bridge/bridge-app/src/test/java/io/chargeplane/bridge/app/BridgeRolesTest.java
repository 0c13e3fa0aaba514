package io.chargeplane.bridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BridgeRolesTest {

    @Test
    void oneInstanceCanBeAdapterPumpOrBoth() {
        assertEquals(Set.of(BridgeRoles.ADAPTER), BridgeRoles.parse(List.of("adapter")));
        assertEquals(Set.of(BridgeRoles.PUMP), BridgeRoles.parse(List.of(" Pump ")));
        assertEquals(EnumSet.allOf(BridgeRoles.class), BridgeRoles.parse(List.of("adapter", "pump")));
    }

    @Test
    void unknownRoleStopsStartupNamingTheAvailableOnes() {
        var error = assertThrows(IllegalStateException.class, () -> BridgeRoles.parse(List.of("adapter", "router")));
        assertTrue(error.getMessage().contains("'router'"), error.getMessage());
        assertTrue(error.getMessage().contains("adapter, pump"), error.getMessage());
    }

    @Test
    void noRoleIsRefused() {
        assertThrows(IllegalStateException.class, () -> BridgeRoles.parse(List.of(" ")));
    }
}
