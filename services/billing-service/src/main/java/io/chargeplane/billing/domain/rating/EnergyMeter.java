package io.chargeplane.billing.domain.rating;

/**
 * The metering loop: walks the reading intervals of a window together with its slot timeline and drops each
 * piece of energy into its (rate, slot map, tier) bucket. Integer arithmetic only.
 */
final class EnergyMeter {

    private final CompiledTariff tariff;
    private final long[] buckets;
    private long monthToDate;
    private int tier;

    private EnergyMeter(CompiledTariff tariff, long monthToDate) {
        this.tariff = tariff;
        this.buckets = new long[tariff.bucketCount()];
        this.monthToDate = monthToDate;
        this.tier = tierOf(tariff.tierFrom, monthToDate);
    }

    static Metering meter(CompiledTariff tariff, MeteredSession session, long monthToDate) {
        EnergyMeter meter = new EnergyMeter(tariff, monthToDate);
        if (session.to > session.from) {
            meter.walk(session, new SlotTimeline(tariff, session.from, session.to));
        }
        return new Metering(tariff, meter.buckets, session.from, session.to, monthToDate);
    }

    private void walk(MeteredSession session, SlotTimeline timeline) {
        long[] times = session.times;
        long[] registers = session.registers;
        long from = session.from;
        long to = session.to;
        int segment = 0;
        for (int k = session.intervalOf(from); k < times.length - 1 && times[k] < to; k++) {
            long t0 = times[k];
            long t1 = times[k + 1];
            long energy = registers[k + 1] - registers[k];
            long a = Math.max(t0, from);
            long b = Math.min(t1, to);
            if (energy == 0 || a >= b) {
                continue;
            }
            long duration = t1 - t0;
            long delivered = a == t0 ? 0 : Allocation.energyBy(energy, a - t0, duration);
            long cursor = a;
            while (true) {
                while (timeline.ends[segment] <= cursor) {
                    segment++;
                }
                long pieceEnd = Math.min(timeline.ends[segment], b);
                long deliveredByEnd = pieceEnd == t1 ? energy : Allocation.energyBy(energy, pieceEnd - t0, duration);
                add(deliveredByEnd - delivered, timeline.rates[segment], timeline.dayTypes[segment]);
                if (pieceEnd == b) {
                    break;
                }
                delivered = deliveredByEnd;
                cursor = pieceEnd;
            }
        }
    }

    /** Adds energy in time order, stepping up the monthly ladder where the month's running total crosses a tier. */
    private void add(long energy, int rate, int dayType) {
        long[] tierFrom = tariff.tierFrom;
        int base = tariff.bucketIndex(rate, dayType, 0);
        while (energy > 0) {
            long room = tier + 1 < tierFrom.length ? tierFrom[tier + 1] - monthToDate : Long.MAX_VALUE;
            if (energy < room) {
                buckets[base + tier] += energy;
                monthToDate += energy;
                return;
            }
            buckets[base + tier] += room;
            monthToDate += room;
            energy -= room;
            tier++;
        }
    }

    private static int tierOf(long[] tierFrom, long monthToDate) {
        int tier = 0;
        while (tier + 1 < tierFrom.length && tierFrom[tier + 1] <= monthToDate) {
            tier++;
        }
        return tier;
    }
}
