package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Load a time-of-use tariff into a device that rates sessions itself (YKC piles, OCPP 2.1 local cost).
 *
 * <p>The schedule is a day of slots in the site's time zone: it starts at 00:00, starts strictly increase,
 * and each slot names a defined rate, so the device can never meet a moment without a price.
 *
 * @param tariffId the platform's tariff id (devices echo it back in YKC records)
 */
public record UpdateTariff(String tariffId, Currency currency, ZoneId timeZone, List<TariffRate> rates,
                           List<TariffSlot> schedule) implements DeviceCommand {

    public UpdateTariff {
        Require.text(tariffId, "tariffId", 64);
        Require.present(currency, "currency");
        Require.present(timeZone, "timeZone");
        rates = Require.listOf(rates, "rates");
        schedule = Require.listOf(schedule, "schedule");
        Require.that(!rates.isEmpty(), "rates", "must not be empty");
        Require.that(!schedule.isEmpty(), "schedule", "must not be empty");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            Require.that(names.add(rates.get(i).name()), "rates[" + i + "].name", "is defined twice");
        }
        checkSchedule(schedule, names);
    }

    private static void checkSchedule(List<TariffSlot> schedule, Set<String> rateNames) {
        Require.that(schedule.get(0).start().equals(LocalTime.MIDNIGHT), "schedule[0].start", "must be 00:00");
        for (int i = 0; i < schedule.size(); i++) {
            TariffSlot slot = schedule.get(i);
            Require.that(rateNames.contains(slot.rate()), "schedule[" + i + "].rate",
                    "names no defined rate ('" + slot.rate() + "')");
            if (i > 0) {
                Require.that(slot.start().isAfter(schedule.get(i - 1).start()), "schedule[" + i + "].start",
                        "must be after the previous slot's start");
            }
        }
    }

    /** The rate name in force at a local time of day. */
    public String rateAt(LocalTime time) {
        String rate = schedule.get(0).rate();
        for (TariffSlot slot : schedule) {
            if (slot.start().isAfter(time)) {
                break;
            }
            rate = slot.rate();
        }
        return rate;
    }

    @Override
    public Capability capability() {
        return Capability.UPDATE_TARIFF;
    }
}
