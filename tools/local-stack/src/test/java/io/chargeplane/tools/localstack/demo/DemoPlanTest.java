package io.chargeplane.tools.localstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.tools.loadgen.OcppDialect;
import io.chargeplane.tools.localstack.demo.DemoPlan.Charger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private final DemoPlan plan = DemoPlan.standard();

    @Test
    void tenChargersOfAcmeAndVoltWithUniqueStableIdentities() {
        List<Charger> chargers = plan.chargers();
        assertEquals(10, chargers.size());
        Set<String> identities = new HashSet<>();
        chargers.forEach(c -> assertTrue(identities.add(c.identity()), "duplicate " + c.identity()));
        assertEquals("DEMO-ACME-01", chargers.getFirst().identity());
        assertEquals(Set.of("acme", "volt"), Set.copyOf(chargers.stream().map(Charger::tenant).toList()));
        assertEquals(DemoPlan.standard(), plan, "the same names on every start, so a restart finds them");
    }

    @Test
    void everyTenantMixesOcpp16And201WithTwoConnectors() {
        assertEquals(2, plan.connectors());
        for (DemoPlan.Tenant tenant : plan.tenants()) {
            Set<OcppDialect> dialects = Set.copyOf(tenant.chargers().stream().map(Charger::dialect).toList());
            assertEquals(Set.of(OcppDialect.OCPP16, OcppDialect.OCPP201), dialects, tenant.id());
        }
        assertEquals("ocpp1.6", plan.chargers().get(0).protocol());
        assertEquals("ocpp2.0.1", plan.chargers().get(1).protocol());
    }

    @Test
    void rfidTagsFitAnOcpp16IdTag() {
        plan.rfidTags().forEach(tag -> assertTrue(tag.length() <= 20, tag));
    }
}
