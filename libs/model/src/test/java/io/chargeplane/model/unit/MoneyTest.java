package io.chargeplane.model.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.envelope.CanonicalCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        assertEquals(Money.ofMinor(350, CNY), Money.ofMinor(200, CNY).plus(Money.ofMinor(150, CNY)));
        assertEquals(Money.ofMinor(-50, CNY), Money.ofMinor(100, CNY).minus(Money.ofMinor(150, CNY)));
    }

    @Test
    void refusesToMixCurrencies() {
        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> Money.ofMinor(100, CNY).plus(Money.ofMinor(100, EUR)));

        assertEquals("currency: cannot combine CNY with EUR", e.getMessage());
        assertThrows(ModelValidationException.class, () -> Money.ofMinor(100, CNY).minus(Money.ofMinor(1, EUR)));
    }

    @Test
    void convertsMajorUnitsExactlyByTheCurrencysDecimals() {
        assertEquals(1_234, Money.of(new BigDecimal("12.34"), CNY).minorUnits());
        assertEquals(500, Money.of(new BigDecimal("500"), Currency.getInstance("JPY")).minorUnits());
        assertThrows(ModelValidationException.class, () -> Money.of(new BigDecimal("12.345"), CNY));
        assertEquals(new BigDecimal("12.34"), Money.ofMinor(1_234, CNY).toMajor());
    }

    @Test
    void refusesMissingOrUnknownCurrency() {
        assertEquals("currency: is required",
                assertThrows(ModelValidationException.class, () -> Money.ofMinor(1, (Currency) null)).getMessage());
        assertEquals("currency: unknown ISO 4217 code 'XYZ'",
                assertThrows(ModelValidationException.class, () -> Money.ofMinor(1, "XYZ")).getMessage());
    }

    @Test
    void travelsAsMinorUnitsAndCurrencyCode() {
        CanonicalCodec codec = CanonicalCodec.defaultCodec();
        byte[] json = codec.writeJson(Money.ofMinor(1_234, CNY));

        assertEquals("{\"minorUnits\":1234,\"currency\":\"CNY\"}", new String(json, StandardCharsets.UTF_8));
        assertEquals(Money.ofMinor(1_234, CNY), codec.readJson(json, Money.class));
    }
}
