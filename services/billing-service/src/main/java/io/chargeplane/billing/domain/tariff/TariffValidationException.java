package io.chargeplane.billing.domain.tariff;

/**
 * A tariff that cannot be rated with. The message starts with the path of the offending field
 * ({@code rates[2].servicePerKwh: must not be negative}) so an operator editing a tariff sees what to fix.
 */
public class TariffValidationException extends IllegalArgumentException {

    private final String field;

    public TariffValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The path of the field that is wrong, e.g. {@code slotMaps.HOLIDAY[17]}. */
    public String field() {
        return field;
    }

    /** The same problem seen from an enclosing object, e.g. {@code electricityPerKwh} becomes {@code rates[1].electricityPerKwh}. */
    public TariffValidationException under(String parent) {
        String problem = getMessage().substring(field.length() + 2);
        TariffValidationException nested = new TariffValidationException(parent + "." + field, problem);
        nested.initCause(this);
        return nested;
    }
}
