package io.chargeplane.bridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.ProtocolAdapter;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolSelectionTest {

    /** Adapters that only have a name: selection looks at nothing else. */
    private record Named(String name) implements ProtocolAdapter {
        @Override
        public Uni<Void> start() {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> stop() {
            return Uni.createFrom().voidItem();
        }
    }

    private static final List<ProtocolAdapter> AVAILABLE = List.of(new Named("ocpp"), new Named("ykc"), new Named("vendor-mqtt"));

    @Test
    void runsOnlyTheConfiguredAdaptersInConfiguredOrder() {
        assertEquals(List.of("ykc", "ocpp"),
                ProtocolSelection.select(List.of("ykc", " OCPP "), AVAILABLE).stream().map(ProtocolAdapter::name).toList());
    }

    @Test
    void namingAnAdapterTwiceRunsItOnce() {
        assertEquals(1, ProtocolSelection.select(List.of("ocpp", "ocpp"), AVAILABLE).size());
    }

    @Test
    void unknownNameStopsStartupNamingWhatIsAvailable() {
        var error = assertThrows(IllegalStateException.class,
                () -> ProtocolSelection.select(List.of("ocpp", "modbus"), AVAILABLE));
        assertTrue(error.getMessage().contains("[modbus]"), error.getMessage());
        assertTrue(error.getMessage().contains("[ocpp, vendor-mqtt, ykc]"), error.getMessage());
    }

    @Test
    void emptySelectionIsRefused() {
        assertThrows(IllegalStateException.class, () -> ProtocolSelection.select(List.of(" "), AVAILABLE));
    }

    @Test
    void twoAdaptersWithOneNameAreRefused() {
        var error = assertThrows(IllegalStateException.class,
                () -> ProtocolSelection.select(List.of("ocpp"), List.of(new Named("ocpp"), new Named("OCPP"))));
        assertTrue(error.getMessage().contains("both named"), error.getMessage());
    }
}
