package io.chargeplane.billing.domain.rating;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;

/**
 * The stretches of a window that share one rate and one slot map, as epoch-nanosecond ends. Adjacent slots with
 * the same rate are merged (fewer cuts, same result: see {@link Allocation}).
 *
 * <p>Slots follow local wall-clock time. The offset is read at each stretch's start and a stretch never runs
 * past the zone's next offset transition, so a daylight-saving day gets its skipped slots dropped and its
 * repeated slots applied twice, and zones whose offset is not a whole half hour still cut at local half hours.
 */
final class SlotTimeline {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_SLOT = 1_800;
    private static final int SECONDS_PER_DAY = 86_400;

    long[] ends;
    int[] rates;
    int[] dayTypes;
    int size;

    SlotTimeline(CompiledTariff tariff, long from, long to) {
        int capacity = (int) Math.min(1_024, (to - from) / (SECONDS_PER_SLOT * NANOS_PER_SECOND) + 4);
        ends = new long[capacity];
        rates = new int[capacity];
        dayTypes = new int[capacity];
        build(tariff, from, to);
    }

    private void build(CompiledTariff tariff, long from, long to) {
        long transition = nextTransition(tariff, from);
        int offset = offsetAt(tariff, from);
        long cachedDay = Long.MIN_VALUE;
        int cachedDayType = 0;
        long t = from;
        while (t < to) {
            if (t >= transition) {
                offset = offsetAt(tariff, t);
                transition = nextTransition(tariff, t);
            }
            long second = Math.floorDiv(t, NANOS_PER_SECOND);
            long local = second + offset;
            long day = Math.floorDiv(local, SECONDS_PER_DAY);
            int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
            int slot = secondOfDay / SECONDS_PER_SLOT;
            long boundary = (second + (slot + 1L) * SECONDS_PER_SLOT - secondOfDay) * NANOS_PER_SECOND;
            long end = Math.min(Math.min(boundary, transition), to);
            if (day != cachedDay) {
                cachedDay = day;
                cachedDayType = tariff.dayTypeOf(day);
            }
            append(end, tariff.slotRates[cachedDayType][slot], cachedDayType);
            t = end;
        }
    }

    private void append(long end, int rate, int dayType) {
        if (size > 0 && rates[size - 1] == rate && dayTypes[size - 1] == dayType) {
            ends[size - 1] = end;
            return;
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            rates = Arrays.copyOf(rates, size * 2);
            dayTypes = Arrays.copyOf(dayTypes, size * 2);
        }
        ends[size] = end;
        rates[size] = rate;
        dayTypes[size] = dayType;
        size++;
    }

    private static int offsetAt(CompiledTariff tariff, long t) {
        return tariff.rules.getOffset(MeteredSession.instant(t)).getTotalSeconds();
    }

    private static long nextTransition(CompiledTariff tariff, long t) {
        if (tariff.rules.isFixedOffset()) {
            return Long.MAX_VALUE;
        }
        ZoneOffsetTransition next = tariff.rules.nextTransition(MeteredSession.instant(t));
        if (next == null) {
            return Long.MAX_VALUE;
        }
        Instant at = next.getInstant();
        return MeteredSession.nanos(at);
    }
}
