package io.chargeplane.billing.domain.tariff;

import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.regex.Pattern;

/** Field checks shared by the tariff records; each failure names the field. */
final class Check {

    /** Prices are given in major units per kWh or per minute; six decimals is finer than any published tariff. */
    static final int MAX_PRICE_SCALE = 6;

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private Check() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new TariffValidationException(field, "is required");
        }
        return value;
    }

    static String code(String value, String field) {
        present(value, field);
        if (!CODE.matcher(value).matches()) {
            throw new TariffValidationException(field,
                    "'" + value + "' must be 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter");
        }
        return value;
    }

    static BigDecimal price(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0) {
            throw new TariffValidationException(field, "must not be negative, was " + value.toPlainString());
        }
        return scale(value, field);
    }

    static BigDecimal scale(BigDecimal value, String field) {
        present(value, field);
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_PRICE_SCALE) {
            throw new TariffValidationException(field,
                    "at most " + MAX_PRICE_SCALE + " decimal places, was " + value.toPlainString());
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Duration notNegative(Duration value, String field) {
        present(value, field);
        if (value.isNegative()) {
            throw new TariffValidationException(field, "must not be negative, was " + value);
        }
        return value;
    }

    static Duration positive(Duration value, String field) {
        present(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new TariffValidationException(field, "must be positive, was " + value);
        }
        return value;
    }

    static Money nonNegativeMoney(Money value, String field) {
        if (value != null && value.minorUnits() < 0) {
            throw new TariffValidationException(field, "must not be negative, was " + value);
        }
        return value;
    }

    static void currency(Money value, Currency currency, String field) {
        if (value != null && !value.currency().equals(currency)) {
            throw new TariffValidationException(field + ".currency",
                    "must be the tariff's " + currency.getCurrencyCode() + ", was " + value.currency().getCurrencyCode());
        }
    }

    static void that(boolean condition, String field, String problem) {
        if (!condition) {
            throw new TariffValidationException(field, problem);
        }
    }
}
