package io.chargeplane.billing.api;

import io.chargeplane.billing.domain.rating.Bill;
import io.chargeplane.billing.domain.rating.Coupon;
import io.chargeplane.billing.domain.rating.MeterReading;
import io.chargeplane.billing.domain.rating.MeteredSession;
import io.chargeplane.billing.domain.rating.ParkingStay;
import io.chargeplane.billing.domain.rating.RatingEngine;
import io.chargeplane.billing.domain.rating.RatingInputException;
import io.chargeplane.billing.domain.rating.SessionFacts;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.service.SessionMetering;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the hypothetical session of a preview request and rates it; errors name the request field. */
final class Previews {

    private Previews() {
    }

    static Bill rate(Tariff tariff, RatingJson.PreviewRequest body) {
        Instant start = instant(body.start(), "start");
        Instant end = instant(body.end(), "end");
        if (!end.isAfter(start)) {
            throw new RatingInputException("end", "must be after start (" + start + ")");
        }
        MeteredSession session;
        if (body.readings() != null && !body.readings().isEmpty()) {
            if (body.energyKwh() != null) {
                throw new RatingInputException("energyKwh", "give readings or energyKwh, not both");
            }
            List<MeterReading> readings = new ArrayList<>();
            for (int i = 0; i < body.readings().size(); i++) {
                RatingJson.Reading r = body.readings().get(i);
                String path = "readings[" + i + "]";
                if (r == null) {
                    throw new RatingInputException(path, "is required");
                }
                readings.add(new MeterReading(instant(r.at(), path + ".at"), kwh(r.registerKwh(), path + ".registerKwh")));
            }
            session = MeteredSession.of(readings);
        } else {
            session = SessionMetering.constantPower(start, end, kwh(body.energyKwh(), "energyKwh"));
        }
        Energy monthToDate = body.monthToDateKwh() == null ? Energy.ZERO : kwh(body.monthToDateKwh(), "monthToDateKwh");
        return RatingEngine.forSessionStart(tariff, start).rate(session, monthToDate, facts(body));
    }

    /** The session-wide facts of the request: unplug time, parking stay and coupons, each optional. */
    static SessionFacts facts(RatingJson.PreviewRequest body) {
        Instant unplugged = body.unpluggedAt() == null ? null : instant(body.unpluggedAt(), "unpluggedAt");
        ParkingStay stay = null;
        if (body.parking() != null) {
            Instant entered = instant(body.parking().entered(), "parking.entered");
            Instant left = instant(body.parking().left(), "parking.left");
            stay = parse(body.parking(), "parking", () -> new ParkingStay(entered, left));
        }
        List<Coupon> coupons = new ArrayList<>();
        List<RatingJson.CouponJson> given = body.coupons() == null ? List.of() : body.coupons();
        for (int i = 0; i < given.size(); i++) {
            coupons.add(coupon(given.get(i), "coupons[" + i + "]"));
        }
        return new SessionFacts(unplugged, stay, coupons);
    }

    private static Coupon coupon(RatingJson.CouponJson json, String path) {
        if (json == null) {
            throw new RatingInputException(path, "is required");
        }
        String code = parse(json.code(), path + ".code", json::code);
        boolean stackable = json.stackable() == null || json.stackable();
        String kind = parse(json.kind(), path + ".kind", json::kind);
        return switch (kind) {
            case "FIXED_AMOUNT" -> {
                Money amount = parse(json.amount(), path + ".amount", () -> {
                    if (json.amount().minorUnits() == null || json.amount().currency() == null) {
                        throw new IllegalArgumentException("needs minorUnits and currency");
                    }
                    return Money.ofMinor(json.amount().minorUnits(), json.amount().currency());
                });
                yield parse(amount, path, () -> new Coupon.FixedAmount(code, amount, stackable));
            }
            case "PERCENTAGE" -> parse(json.percent(), path + ".percent",
                    () -> new Coupon.Percentage(code, json.percent(), stackable));
            case "FREE_ENERGY" -> {
                Energy energy = kwh(json.energyKwh(), path + ".energyKwh");
                yield parse(energy, path, () -> new Coupon.FreeEnergy(code, energy, stackable));
            }
            default -> throw new RatingInputException(path + ".kind",
                    "must be FIXED_AMOUNT, PERCENTAGE or FREE_ENERGY, not '" + kind + "'");
        };
    }

    private static Instant instant(String value, String field) {
        return parse(value, field, () -> Instant.parse(value));
    }

    private static Energy kwh(BigDecimal value, String field) {
        return parse(value, field, () -> {
            if (value.signum() < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            return Energy.ofKwh(value);
        });
    }

    private static <T> T parse(Object value, String field, Supplier<T> parser) {
        if (value == null) {
            throw new RatingInputException(field, "is required");
        }
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new RatingInputException(field, e.getMessage() == null ? "cannot be read" : e.getMessage());
        }
    }
}
