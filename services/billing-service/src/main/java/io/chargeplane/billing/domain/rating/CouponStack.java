package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Checks the stacking rules of {@link Coupon} and applies the coupons in their defined order. */
final class CouponStack {

    private final Pricing pricing;
    private final List<RatedLine> lines = new ArrayList<>();
    private long remaining;

    private CouponStack(Pricing pricing, long chargingCharge) {
        this.pricing = pricing;
        this.remaining = chargingCharge;
    }

    /** The coupon lines for a charging charge, in application order; each amount is zero or negative. */
    static List<RatedLine> apply(CompiledTariff tariff, Pricing pricing, Metering metering, List<Coupon> coupons,
                                 long chargingCharge) {
        if (coupons.isEmpty()) {
            return List.of();
        }
        checkStacking(coupons, pricing);
        CouponStack stack = new CouponStack(pricing, chargingCharge);
        List<PricedEnergy> mostExpensiveFirst = null;
        for (Coupon coupon : coupons) {
            if (coupon instanceof Coupon.FreeEnergy free) {
                if (mostExpensiveFirst == null) {
                    mostExpensiveFirst = pricedEnergy(tariff, metering);
                }
                stack.freeEnergy(free, mostExpensiveFirst);
            }
        }
        for (Coupon coupon : coupons) {
            if (coupon instanceof Coupon.FixedAmount fixed) {
                stack.take(LineKind.COUPON_FIXED, fixed.code(), fixed.amount().minorUnits(), RoundingMode.UNNECESSARY);
            }
        }
        for (Coupon coupon : coupons) {
            if (coupon instanceof Coupon.Percentage percentage) {
                BigDecimal exact = BigDecimal.valueOf(stack.remaining).multiply(percentage.percent()).movePointLeft(2);
                stack.take(LineKind.COUPON_PERCENTAGE, percentage.code(), pricing.round(exact), pricing.rounding());
            }
        }
        return stack.lines;
    }

    private void freeEnergy(Coupon.FreeEnergy coupon, List<PricedEnergy> groups) {
        long wanted = coupon.energy().milliwattHours();
        long freed = 0;
        BigDecimal exact = BigDecimal.ZERO;
        for (PricedEnergy group : groups) {
            if (wanted == 0) {
                break;
            }
            long taken = Math.min(wanted, group.left);
            group.left -= taken;
            wanted -= taken;
            freed += taken;
            exact = exact.add(pricing.exactEnergy(group.perKwh, taken));
        }
        long discount = Math.min(pricing.round(exact), remaining);
        remaining -= discount;
        lines.add(new RatedLine(LineKind.COUPON_FREE_ENERGY, null, null, coupon.code(), Pricing.kwh(freed), "kWh", null,
                Money.ofMinor(-discount, pricing.currency()), pricing.rounding()));
    }

    private void take(LineKind kind, String code, long amount, RoundingMode rounding) {
        long discount = Math.min(amount, remaining);
        remaining -= discount;
        lines.add(RatedLine.flat(kind, code, Money.ofMinor(-discount, pricing.currency()), rounding));
    }

    private static void checkStacking(List<Coupon> coupons, Pricing pricing) {
        int percentages = 0;
        for (int i = 0; i < coupons.size(); i++) {
            Coupon coupon = coupons.get(i);
            if (repeatsAnEarlierCode(coupons, i)) {
                throw new RatingInputException("coupons[" + i + "]", "coupon '" + coupon.code() + "' is given twice");
            }
            if (!coupon.stackable() && coupons.size() > 1) {
                throw new RatingInputException("coupons[" + i + "]", "coupon '" + coupon.code() + "' cannot be combined with other coupons");
            }
            if (coupon instanceof Coupon.Percentage && ++percentages > 1) {
                throw new RatingInputException("coupons[" + i + "]", "only one percentage coupon may apply to a session");
            }
            if (coupon instanceof Coupon.FixedAmount fixed && !fixed.amount().currency().equals(pricing.currency())) {
                throw new RatingInputException("coupons[" + i + "].amount.currency", "must be the tariff's "
                        + pricing.currency().getCurrencyCode() + ", was " + fixed.amount().currency().getCurrencyCode());
            }
        }
    }

    private static boolean repeatsAnEarlierCode(List<Coupon> coupons, int index) {
        for (int i = 0; i < index; i++) {
            if (coupons.get(i).code().equals(coupons.get(index).code())) {
                return true;
            }
        }
        return false;
    }

    /** Energy per (rate, tier) with its all-in price per kWh, most expensive first. */
    private static List<PricedEnergy> pricedEnergy(CompiledTariff tariff, Metering metering) {
        List<PricedEnergy> groups = new ArrayList<>();
        for (int rate = 0; rate < tariff.rateCount; rate++) {
            Rate definition = tariff.version.rates().get(rate);
            for (int tier = 0; tier < tariff.tierCount; tier++) {
                long energy = metering.energy(rate, tier);
                if (energy > 0) {
                    BigDecimal perKwh = tariff.electricity[rate][tier].value.add(definition.servicePerKwh());
                    groups.add(new PricedEnergy(perKwh, energy));
                }
            }
        }
        // Stable sort: equal prices keep tariff rate order, then tier order.
        groups.sort(Comparator.comparing((PricedEnergy group) -> group.perKwh).reversed());
        return groups;
    }

    private static final class PricedEnergy {
        final BigDecimal perKwh;
        long left;

        PricedEnergy(BigDecimal perKwh, long energy) {
            this.perKwh = perKwh;
            this.left = energy;
        }
    }
}
