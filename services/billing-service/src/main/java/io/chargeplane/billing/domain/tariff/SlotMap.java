package io.chargeplane.billing.domain.tariff;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 48 half-hour slots of a local day, each naming a rate. Slot {@code i} covers local wall-clock time
 * {@code [i * 30 min, (i + 1) * 30 min)}. On a day with a daylight-saving gap the skipped slots simply do not
 * occur; in a repeated hour its slots apply twice, so every real instant has exactly one slot.
 */
public record SlotMap(List<String> slots) {

    public static final int SLOTS_PER_DAY = 48;

    public SlotMap {
        Check.present(slots, "slots");
        Check.that(slots.size() == SLOTS_PER_DAY, "slots", "must have exactly 48 half-hour slots, had " + slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Check.code(slots.get(i), "slots[" + i + "]");
        }
        slots = List.copyOf(slots);
    }

    /** Every slot of the day on one rate. */
    public static SlotMap uniform(String rate) {
        return new SlotMap(Collections.nCopies(SLOTS_PER_DAY, rate));
    }

    /**
     * A copy with local time {@code [from, to)} on {@code rate}. Both must be on a half hour; {@code to} of
     * 00:00 means the end of the day, and {@code from} after {@code to} wraps past midnight.
     */
    public SlotMap with(LocalTime from, LocalTime to, String rate) {
        int first = slotOf(from, "from");
        int end = slotOf(to, "to");
        Check.that(first != end, "to", "must differ from from (" + from + ")");
        if (end == 0) {
            end = SLOTS_PER_DAY;
        }
        List<String> copy = new ArrayList<>(slots);
        for (int i = first; i != end; i = (i + 1) % SLOTS_PER_DAY) {
            copy.set(i, rate);
            if (i == SLOTS_PER_DAY - 1 && end == SLOTS_PER_DAY) {
                break;
            }
        }
        return new SlotMap(copy);
    }

    public String rateAt(LocalTime time) {
        return slots.get(time.getHour() * 2 + time.getMinute() / 30);
    }

    private static int slotOf(LocalTime time, String field) {
        Check.present(time, field);
        Check.that(time.getSecond() == 0 && time.getNano() == 0 && time.getMinute() % 30 == 0, field,
                "must be on a half hour, was " + time);
        return time.getHour() * 2 + time.getMinute() / 30;
    }
}
