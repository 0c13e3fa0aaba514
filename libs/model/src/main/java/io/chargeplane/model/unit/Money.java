package io.chargeplane.model.unit;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.Require;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in the currency's minor units (fen, cents), with its currency.
 *
 * <p>Why a long of minor units: amounts are added across sessions, buckets and settlements, and must never
 * drift through binary floating point. Arithmetic refuses to mix currencies instead of converting, because
 * conversion is a business decision with a rate and a date. Negative amounts are allowed (refunds,
 * corrections). On the wire {@code {"minorUnits": 1234, "currency": "CNY"}}.
 */
public record Money(long minorUnits, Currency currency) {

    public Money {
        Require.present(currency, "currency");
    }

    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Exact: 12.34 CNY is 1234 fen; 12.345 CNY is refused. */
    public static Money of(BigDecimal majorUnits, Currency currency) {
        Require.present(currency, "currency");
        return new Money(Exact.scaled(majorUnits, Math.max(currency.getDefaultFractionDigits(), 0), currency.getCurrencyCode()),
                currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Exact.add(minorUnits, other.minorUnits, "money"), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Exact.subtract(minorUnits, other.minorUnits, "money"), currency);
    }

    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    private void requireSameCurrency(Money other) {
        Require.present(other, "money");
        if (!currency.equals(other.currency)) {
            throw new ModelValidationException("currency",
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    private static Currency currency(String code) {
        Require.text(code, "currency", 3);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ModelValidationException("currency", "unknown ISO 4217 code '" + code + "'", e);
        }
    }

    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + currency.getCurrencyCode();
    }
}
