package io.chargeplane.model.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * Active power in whole watts.
 *
 * <p>Why watts: no charger measures or limits power more finely than 1 W (OCPP limits carry one decimal of
 * W at most, which chargers round anyway), and DESIGN fixes W as the platform unit. Positive means power
 * flowing to the vehicle; negative is discharge (bidirectional charging). On the wire a plain JSON number
 * of W.
 */
public record Power(long watts) implements Comparable<Power> {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Power {
    }

    public static Power ofWatts(long watts) {
        return new Power(watts);
    }

    /** Exact: 7.36 kW is 7360 W; 7.3605 kW is refused. */
    public static Power ofKw(BigDecimal kilowatts) {
        return new Power(Exact.scaled(kilowatts, 3, "kW"));
    }

    public BigDecimal toKw() {
        return BigDecimal.valueOf(watts, 3);
    }

    @JsonValue
    @Override
    public long watts() {
        return watts;
    }

    @Override
    public int compareTo(Power other) {
        return Long.compare(watts, other.watts);
    }

    @Override
    public String toString() {
        return watts + " W";
    }
}
