package io.chargeplane.billing.domain.rating;

/**
 * Session data or coupons that cannot be rated. The message starts with the path of the offending field
 * ({@code readings[3].register: ...}, {@code coupons[1]: ...}).
 */
public class RatingInputException extends IllegalArgumentException {

    private final String field;

    public RatingInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
