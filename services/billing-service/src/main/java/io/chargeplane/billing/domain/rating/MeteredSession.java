package io.chargeplane.billing.domain.rating;

import io.chargeplane.model.unit.Energy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The meter readings of one charging session and the window of time to rate: normally from the first reading
 * to the last, but a window may cut a reading interval, in which case the interval's energy is shared by
 * {@link Allocation}. Rating a window therefore needs only the readings at or around it.
 *
 * <p>{@link #splitAt(Instant)} defines what "splitting a session at an instant" means: two windows that meet at
 * that instant, each with the readings it needs. The engine rates the two parts to exactly the buckets of the
 * whole (see {@link Metering#plus(Metering)}).
 */
public final class MeteredSession {

    private final List<MeterReading> readings;
    final long[] times;
    final long[] registers;
    final long from;
    final long to;

    private MeteredSession(List<MeterReading> readings, long[] times, long[] registers, long from, long to) {
        this.readings = readings;
        this.times = times;
        this.registers = registers;
        this.from = from;
        this.to = to;
    }

    /** The whole session: from the first reading to the last. */
    public static MeteredSession of(List<MeterReading> readings) {
        long[][] arrays = check(readings);
        long[] times = arrays[0];
        return new MeteredSession(List.copyOf(readings), times, arrays[1], times[0], times[times.length - 1]);
    }

    /** Only the part of the session between {@code from} and {@code to}, which must lie within the readings. */
    public static MeteredSession window(List<MeterReading> readings, Instant from, Instant to) {
        long[][] arrays = check(readings);
        long[] times = arrays[0];
        long start = nanos(required(from, "from"));
        long end = nanos(required(to, "to"));
        if (start < times[0] || start > times[times.length - 1]) {
            throw new RatingInputException("from", from + " is outside the readings");
        }
        if (end < start || end > times[times.length - 1]) {
            throw new RatingInputException("to", to + " must lie between from and the last reading");
        }
        return new MeteredSession(List.copyOf(readings), times, arrays[1], start, end);
    }

    public List<MeterReading> readings() {
        return readings;
    }

    public Instant start() {
        return instant(from);
    }

    public Instant end() {
        return instant(to);
    }

    /** Energy in the window: the interpolated register at its end minus that at its start. */
    public Energy energy() {
        return Energy.ofMilliwattHours(registerAt(to) - registerAt(from));
    }

    /** The register at an instant within the readings, read by {@link Allocation}'s linear rule. */
    public Energy registerAt(Instant at) {
        long t = nanos(required(at, "at"));
        if (t < times[0] || t > times[times.length - 1]) {
            throw new RatingInputException("at", at + " is outside the readings");
        }
        return Energy.ofMilliwattHours(registerAt(t));
    }

    /**
     * The two halves of the window meeting at {@code at}, which may be any instant in the window, on a reading
     * or between two. The first half keeps the readings up to the first one at or after {@code at}, the second
     * those from the last one at or before it.
     */
    public Split splitAt(Instant at) {
        long t = nanos(required(at, "at"));
        if (t < from || t > to) {
            throw new RatingInputException("at", at + " is outside the window " + start() + " to " + end());
        }
        int last = times.length - 1;
        int headFirst = Math.min(firstIndexAtOrBefore(from), last - 1);
        int headLast = Math.max(firstIndexAtOrAfter(t), headFirst + 1);
        int tailLast = Math.max(firstIndexAtOrAfter(to), 1);
        int tailFirst = Math.min(firstIndexAtOrBefore(t), tailLast - 1);
        MeteredSession head = part(headFirst, headLast, from, t);
        MeteredSession tail = part(tailFirst, tailLast, t, to);
        return new Split(head, tail);
    }

    /** A session cut in two by {@link #splitAt(Instant)}. */
    public record Split(MeteredSession first, MeteredSession second) {
    }

    long registerAt(long t) {
        int k = intervalOf(t);
        return registers[k] + Allocation.energyBy(registers[k + 1] - registers[k], t - times[k], times[k + 1] - times[k]);
    }

    /** The index k of the interval [times[k], times[k+1]] holding t; the last one for t at the final reading. */
    int intervalOf(long t) {
        int index = firstIndexAtOrAfter(t);
        if (times[index] == t) {
            return Math.min(index, times.length - 2);
        }
        return index - 1;
    }

    private MeteredSession part(int firstIndex, int lastIndex, long start, long end) {
        List<MeterReading> kept = new ArrayList<>(readings.subList(firstIndex, lastIndex + 1));
        long[] partTimes = Arrays.copyOfRange(times, firstIndex, lastIndex + 1);
        long[] partRegisters = Arrays.copyOfRange(registers, firstIndex, lastIndex + 1);
        return new MeteredSession(List.copyOf(kept), partTimes, partRegisters, start, end);
    }

    private int firstIndexAtOrAfter(long t) {
        int index = Arrays.binarySearch(times, t);
        return index >= 0 ? index : -index - 1;
    }

    private int firstIndexAtOrBefore(long t) {
        int index = Arrays.binarySearch(times, t);
        return index >= 0 ? index : -index - 2;
    }

    private static long[][] check(List<MeterReading> readings) {
        if (readings == null) {
            throw new RatingInputException("readings", "are required");
        }
        if (readings.size() < 2) {
            throw new RatingInputException("readings", "need at least two readings, had " + readings.size());
        }
        long[] times = new long[readings.size()];
        long[] registers = new long[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            MeterReading reading = readings.get(i);
            if (reading == null) {
                throw new RatingInputException("readings[" + i + "]", "is required");
            }
            times[i] = nanos(reading.at());
            registers[i] = reading.register().milliwattHours();
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new RatingInputException("readings[" + i + "].at",
                        "must be after readings[" + (i - 1) + "].at (" + readings.get(i - 1).at() + "), was " + reading.at());
            }
            if (i > 0 && registers[i] < registers[i - 1]) {
                throw new RatingInputException("readings[" + i + "].register", "went backwards from "
                        + readings.get(i - 1).register() + " to " + reading.register());
            }
        }
        return new long[][] {times, registers};
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new RatingInputException(field, "is required");
        }
        return value;
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
