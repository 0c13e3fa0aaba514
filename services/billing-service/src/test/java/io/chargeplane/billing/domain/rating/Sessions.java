package io.chargeplane.billing.domain.rating;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builds meter readings in a local time zone: {@code aSession().at("2026-03-04T07:30").reading(0).after(60).reading(30_000_000)}. */
final class Sessions {

    private final ZoneId zone;
    private final List<MeterReading> readings = new ArrayList<>();
    private Instant cursor;

    private Sessions(ZoneId zone) {
        this.zone = zone;
    }

    static Sessions inShanghai() {
        return new Sessions(ZoneId.of("Asia/Shanghai"));
    }

    static Sessions in(String zone) {
        return new Sessions(ZoneId.of(zone));
    }

    Sessions at(String localDateTime) {
        cursor = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
        return this;
    }

    Sessions atInstant(String instant) {
        cursor = Instant.parse(instant);
        return this;
    }

    Sessions after(Duration duration) {
        cursor = cursor.plus(duration);
        return this;
    }

    Sessions afterMinutes(long minutes) {
        return after(Duration.ofMinutes(minutes));
    }

    Sessions reading(long registerMilliwattHours) {
        readings.add(MeterReading.of(cursor, registerMilliwattHours));
        return this;
    }

    Sessions readingKwh(long registerKwh) {
        return reading(registerKwh * 1_000_000L);
    }

    Instant now() {
        return cursor;
    }

    MeteredSession build() {
        return MeteredSession.of(readings);
    }
}
