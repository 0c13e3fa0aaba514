package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.model.command.ChargingLimit;
import io.chargeplane.model.id.EvseId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Builds the one-period charging profiles a canonical limit becomes.
 *
 * <p>The profile id is derived from the EVSE ({@value #PROFILE_ID_BASE} + EVSE number, station = +0) and the
 * stack level is 0, so a new limit for the same EVSE replaces the previous one on the station instead of
 * piling up profiles. Current limits are written in A with one decimal, rounded down: a ceiling must never be
 * raised by rounding (1.6 requires multiples of 0.1).
 */
final class ChargingProfiles {

    static final int PROFILE_ID_BASE = 9000;

    private ChargingProfiles() {
    }

    static int profileId(EvseId evse) {
        return PROFILE_ID_BASE + Payloads.number(evse);
    }

    static String rateUnit(ChargingLimit limit) {
        return limit.power() != null ? "W" : "A";
    }

    static BigDecimal limitValue(ChargingLimit limit) {
        if (limit.power() != null) {
            return BigDecimal.valueOf(limit.power().watts());
        }
        return limit.current().toAmperes().setScale(1, RoundingMode.DOWN);
    }

    static ObjectNode period(ChargingLimit limit) {
        ObjectNode period = Payloads.object();
        period.put("startPeriod", 0);
        period.put("limit", limitValue(limit));
        return period;
    }

    /** 1.6 {@code csChargingProfiles}. */
    static ObjectNode profile16(int id, String purpose, ChargingLimit limit, Instant start, Instant until) {
        ObjectNode profile = Payloads.object();
        profile.put("chargingProfileId", id);
        profile.put("stackLevel", 0);
        profile.put("chargingProfilePurpose", purpose);
        profile.put("chargingProfileKind", "Absolute");
        if (until != null) {
            profile.put("validTo", Payloads.format(until));
        }
        ObjectNode schedule = profile.putObject("chargingSchedule");
        schedule.put("startSchedule", Payloads.format(start));
        schedule.put("chargingRateUnit", rateUnit(limit));
        schedule.putArray("chargingSchedulePeriod").add(period(limit));
        return profile;
    }

    /** 2.0.1 {@code chargingProfile}. */
    static ObjectNode profile201(int id, String purpose, ChargingLimit limit, Instant start, Instant until) {
        ObjectNode profile = Payloads.object();
        profile.put("id", id);
        profile.put("stackLevel", 0);
        profile.put("chargingProfilePurpose", purpose);
        profile.put("chargingProfileKind", "Absolute");
        if (until != null) {
            profile.put("validTo", Payloads.format(until));
        }
        ArrayNode schedules = profile.putArray("chargingSchedule");
        ObjectNode schedule = schedules.addObject();
        schedule.put("id", id);
        schedule.put("startSchedule", Payloads.format(start));
        schedule.put("chargingRateUnit", rateUnit(limit));
        schedule.putArray("chargingSchedulePeriod").add(period(limit));
        return profile;
    }
}
