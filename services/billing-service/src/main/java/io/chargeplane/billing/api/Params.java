package io.chargeplane.billing.api;

import io.chargeplane.billing.config.BillingConfig;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.error.ProblemException;

import java.util.Currency;
import java.util.UUID;

/** Checks of path, query and body values, each failure naming its field. */
final class Params {

    private Params() {
    }

    record Paging(int page, int size) {
    }

    static Paging paging(String page, String size, BillingConfig config) {
        int p = integer(page, "page", 0);
        int s = integer(size, "size", config.paging().defaultSize());
        if (p < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (s < 1 || s > config.paging().maxSize()) {
            throw ProblemException.invalidField("size", "must be between 1 and " + config.paging().maxSize());
        }
        return new Paging(p, s);
    }

    static UUID id(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(field + " " + value);
        }
    }

    static String currency(String value, BillingConfig config) {
        String code = value == null || value.isBlank() ? config.defaultCurrency() : value.strip();
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", "unknown ISO 4217 code");
        }
    }

    /** An amount from a body; {@code positive} refuses zero and below. */
    static Money money(Dtos.Amount amount, String field, boolean positive) {
        if (amount == null || amount.minorUnits() == null) {
            throw ProblemException.invalidField(field + ".minorUnits", "is required");
        }
        if (amount.currency() == null) {
            throw ProblemException.invalidField(field + ".currency", "is required");
        }
        if (positive ? amount.minorUnits() <= 0 : amount.minorUnits() < 0) {
            throw ProblemException.invalidField(field + ".minorUnits", positive ? "must be positive" : "must not be negative");
        }
        try {
            return Money.ofMinor(amount.minorUnits(), amount.currency());
        } catch (io.chargeplane.model.ModelValidationException e) {
            throw ProblemException.invalidField(field + ".currency", e.reason());
        }
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required");
        }
        if (value.length() > max) {
            throw ProblemException.invalidField(field, "at most " + max + " characters");
        }
        return value.strip();
    }

    private static int integer(String value, String field, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be an integer");
        }
    }
}
