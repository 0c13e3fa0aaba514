package io.chargeplane.billing.api;

import io.chargeplane.billing.domain.rating.Bill;
import io.chargeplane.billing.domain.rating.MeterReading;
import io.chargeplane.billing.domain.rating.MeteredSession;
import io.chargeplane.billing.domain.rating.RatingEngine;
import io.chargeplane.billing.domain.rating.RatingInputException;
import io.chargeplane.billing.domain.rating.SessionFacts;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.service.SessionMetering;
import io.chargeplane.model.unit.Energy;

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
        return RatingEngine.forSessionStart(tariff, start).rate(session, monthToDate, SessionFacts.NONE);
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
