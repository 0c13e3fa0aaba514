package io.chargeplane.device.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteRulesTest {

    private static List<String> coordinateViolations(String latitude, String longitude) {
        Violations v = new Violations();
        SiteRules.checkCoordinates(v, latitude == null ? null : new BigDecimal(latitude),
                longitude == null ? null : new BigDecimal(longitude));
        return v.list().stream().map(Violation::field).toList();
    }

    @Test
    void coordinatesWithinRangeAndSixDecimalsAreValid() {
        assertTrue(coordinateViolations("-90", "180.000000").isEmpty());
        assertTrue(coordinateViolations("31.230416", "121.473701").isEmpty());
        assertTrue(coordinateViolations(null, null).isEmpty());
    }

    @Test
    void outOfRangeOrTooPreciseCoordinatesAreRefused() {
        assertEquals(List.of("location.latitude"), coordinateViolations("90.000001", "0"));
        assertEquals(List.of("location.longitude"), coordinateViolations("0", "-180.5"));
        assertEquals(List.of("location.latitude"), coordinateViolations("1.1234567", "0"));
    }

    @Test
    void latitudeAndLongitudeGoTogether() {
        assertEquals(List.of("location.longitude"), coordinateViolations("10", null));
        assertEquals(List.of("location.latitude"), coordinateViolations(null, "10"));
    }

    @Test
    void countryIsAnIsoAlpha2CodeAndTimeZoneAnIanaZone() {
        Violations v = new Violations();
        SiteRules.checkCountry(v, "CN");
        SiteRules.checkTimeZone(v, "Asia/Shanghai");
        assertTrue(v.isEmpty());
        SiteRules.checkCountry(v, "de");
        SiteRules.checkTimeZone(v, "Berlin");
        assertEquals(List.of("address.country", "timeZone"), v.list().stream().map(Violation::field).toList());
    }

    @Test
    void addressNeedsACity() {
        Violations v = new Violations();
        SiteRules.checkAddress(v, null, null, null, null);
        assertEquals(List.of("address.city"), v.list().stream().map(Violation::field).toList());
    }
}
