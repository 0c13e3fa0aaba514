package io.chargeplane.billing.domain.tariff;

import java.math.BigDecimal;

/**
 * One time-of-use rate (尖 sharp, 峰 peak, 平 flat, 谷 valley, or a tariff's own): the electricity price and the
 * service fee, both in the tariff currency's major units per kWh (e.g. {@code 0.8523} CNY), at most six decimals.
 *
 * @param code the rate's name in slot maps and on invoice lines, e.g. {@code sharp}
 */
public record Rate(String code, BigDecimal electricityPerKwh, BigDecimal servicePerKwh) {

    public static final String SHARP = "sharp";
    public static final String PEAK = "peak";
    public static final String FLAT = "flat";
    public static final String VALLEY = "valley";

    public Rate {
        Check.code(code, "code");
        electricityPerKwh = Check.price(electricityPerKwh, "electricityPerKwh");
        servicePerKwh = Check.price(servicePerKwh, "servicePerKwh");
    }

    public static Rate of(String code, String electricityPerKwh, String servicePerKwh) {
        return new Rate(code, new BigDecimal(electricityPerKwh), new BigDecimal(servicePerKwh));
    }
}
