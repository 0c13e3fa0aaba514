package io.chargeplane.tools.localstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    @Test
    void tariffCoversTheWholeTenantSoCardSessionsWithoutASiteAreRated() {
        assertNull(DemoAccounts.tariff().get("scope"));
    }

    @Test
    void slotMapsHaveFortyEightHalfHoursNamingOnlyDefinedRates() {
        @SuppressWarnings("unchecked")
        Map<String, Object> version = ((List<Map<String, Object>>) DemoAccounts.tariff().get("versions")).getFirst();
        @SuppressWarnings("unchecked")
        Set<String> rates = ((List<Map<String, Object>>) version.get("rates")).stream()
                .map(rate -> (String) rate.get("code")).collect(Collectors.toSet());
        for (List<String> slots : List.of(DemoAccounts.workday(), DemoAccounts.weekend())) {
            assertEquals(48, slots.size());
            assertTrue(rates.containsAll(slots), slots.toString());
        }
        assertEquals(Set.of("sharp", "peak", "flat", "valley"), Set.copyOf(DemoAccounts.workday()));
    }

    @Test
    void workdayIsValleyAtNightAndSharpInTheEveningPeak() {
        List<String> workday = DemoAccounts.workday();
        assertEquals("valley", workday.get(0));       // 00:00
        assertEquals("valley", workday.get(15));      // 07:30
        assertEquals("flat", workday.get(16));        // 08:00
        assertEquals("peak", workday.get(20));        // 10:00
        assertEquals("sharp", workday.get(38));       // 19:00
        assertEquals("valley", workday.get(47));      // 23:30
    }
}
