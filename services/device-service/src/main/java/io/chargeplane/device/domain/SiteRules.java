package io.chargeplane.device.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/** What a valid site address and position are. Coordinates are WGS 84 degrees with at most 6 decimals (~0.1 m). */
public final class SiteRules {

    public static final int MAX_NAME = 200;
    public static final int COORDINATE_SCALE = 6;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal LAT_LIMIT = BigDecimal.valueOf(90);
    private static final BigDecimal LON_LIMIT = BigDecimal.valueOf(180);

    private SiteRules() {
    }

    public static void checkName(Violations v, String name) {
        v.requiredText(name, "name", MAX_NAME);
    }

    public static void checkAddress(Violations v, String street, String postalCode, String city, String region) {
        v.optionalText(street, "address.street", 200)
                .optionalText(postalCode, "address.postalCode", 20)
                .requiredText(city, "address.city", 100)
                .optionalText(region, "address.region", 100);
    }

    /** ISO 3166-1 alpha-2, upper case, e.g. {@code DE} or {@code CN}. */
    public static void checkCountry(Violations v, String country) {
        if (country == null) {
            v.add(new Violation("address.country", "is required"));
        } else {
            v.check(COUNTRIES.contains(country), "address.country", "must be an ISO 3166-1 alpha-2 code such as DE");
        }
    }

    /** An IANA zone id such as {@code Europe/Berlin}; tariffs and opening hours are local to the site. */
    public static void checkTimeZone(Violations v, String timeZone) {
        if (timeZone == null) {
            v.add(new Violation("timeZone", "is required"));
            return;
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            v.add(new Violation("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
    }

    /** Both coordinates or neither; latitude within ±90, longitude within ±180, at most 6 decimals. */
    public static void checkCoordinates(Violations v, BigDecimal latitude, BigDecimal longitude) {
        if ((latitude == null) != (longitude == null)) {
            v.add(new Violation(latitude == null ? "location.latitude" : "location.longitude",
                    "latitude and longitude go together"));
            return;
        }
        if (latitude == null) {
            return;
        }
        checkDegrees(v, latitude, LAT_LIMIT, "location.latitude");
        checkDegrees(v, longitude, LON_LIMIT, "location.longitude");
    }

    private static void checkDegrees(Violations v, BigDecimal value, BigDecimal limit, String field) {
        if (value.abs().compareTo(limit) > 0) {
            v.add(new Violation(field, "must be between -" + limit + " and " + limit));
        } else if (value.stripTrailingZeros().scale() > COORDINATE_SCALE) {
            v.add(new Violation(field, "must have at most " + COORDINATE_SCALE + " decimals"));
        }
    }
}
