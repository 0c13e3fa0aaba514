package io.chargeplane.billing.domain.rating;

import io.chargeplane.model.unit.Money;
import java.util.List;

/**
 * A rated session: the metering it came from, its itemised lines and the total, which is always the exact sum
 * of the lines (nothing is rounded at the total).
 *
 * @param chargingCharge energy, service, time and session fee after minimum, cap and coupons
 */
public record Bill(int tariffVersion, Metering metering, List<RatedLine> lines, Money chargingCharge, Money total) {

    public Bill {
        lines = List.copyOf(lines);
        long sum = 0;
        for (RatedLine line : lines) {
            if (!line.amount().currency().equals(total.currency())) {
                throw new IllegalStateException("line " + line + " is not in " + total.currency());
            }
            sum = Math.addExact(sum, line.amount().minorUnits());
        }
        if (sum != total.minorUnits()) {
            throw new IllegalStateException("lines add up to " + sum + " but the total is " + total);
        }
    }

    public List<RatedLine> lines(LineKind kind) {
        return lines.stream().filter(line -> line.kind() == kind).toList();
    }
}
