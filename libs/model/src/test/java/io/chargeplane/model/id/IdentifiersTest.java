package io.chargeplane.model.id;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.envelope.CanonicalCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    @ParameterizedTest
    @ValueSource(strings = {"acme/energy", "acme+", "acme#", "acme energy", "租户", ""})
    void tenantRefusesAnythingThatIsNotOneSafeTopicLevel(String value) {
        assertThrows(ModelValidationException.class, () -> TenantId.of(value));
    }

    @Test
    void tenantMayNotStartWithUnderscoreBecausePlatformTopicsDo() {
        ModelValidationException e = assertThrows(ModelValidationException.class, () -> TenantId.of("_adapters"));

        assertTrue(e.getMessage().startsWith("must not start with '_'"), e.getMessage());
    }

    @Test
    void deviceAcceptsTypicalStationIdentities() {
        for (String value : new String[] {"CP-0042", "32010600019236", "urn:acme:cp.7", "a_b"}) {
            assertEquals(value, DeviceId.of(value).value());
        }
        assertEquals("_gate-1", DeviceId.of("_gate-1").value());
    }

    @Test
    void lengthLimitsAreEnforced() {
        assertEquals(64, TenantId.of("t".repeat(64)).value().length());
        ModelValidationException e = assertThrows(ModelValidationException.class, () -> TenantId.of("t".repeat(65)));
        assertEquals("must be at most 64 characters", e.getMessage());
        assertThrows(ModelValidationException.class, () -> DeviceId.of("d".repeat(129)));
        assertThrows(ModelValidationException.class, () -> IdempotencyKey.of("k".repeat(129)));
    }

    @Test
    void nullAndBlankAreRefusedWithAClearReason() {
        assertEquals("is required", assertThrows(ModelValidationException.class, () -> CorrelationId.of(null)).getMessage());
        assertEquals("must not be blank", assertThrows(ModelValidationException.class, () -> EventId.of("  ")).getMessage());
    }

    @Test
    void evseAndConnectorStartAtOne() {
        assertEquals("must be >= 1", assertThrows(ModelValidationException.class, () -> EvseId.of(0)).getMessage());
        assertThrows(ModelValidationException.class, () -> ConnectorId.of(0));
        assertEquals(1, ConnectorId.of(1).value());
    }

    @Test
    void idsSerializeAsPlainJsonScalars() {
        assertArrayEquals("\"acme\"".getBytes(StandardCharsets.UTF_8), codec.writeJson(TenantId.of("acme")));
        assertArrayEquals("3".getBytes(StandardCharsets.UTF_8), codec.writeJson(EvseId.of(3)));
        assertEquals(ConnectorId.of(2), codec.readJson("2".getBytes(StandardCharsets.UTF_8), ConnectorId.class));
        assertEquals(DeviceId.of("CP-1"), codec.readJson("\"CP-1\"".getBytes(StandardCharsets.UTF_8), DeviceId.class));
    }

    @Test
    void randomIdsAreDistinct() {
        assertNotEquals(EventId.random(), EventId.random());
        assertNotEquals(IdempotencyKey.random(), IdempotencyKey.random());
        assertNotEquals(CorrelationId.random(), CorrelationId.random());
    }
}
