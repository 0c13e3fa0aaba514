package io.chargeplane.bench.rating;

import io.chargeplane.billing.domain.rating.Bill;
import io.chargeplane.billing.domain.rating.Coupon;
import io.chargeplane.billing.domain.rating.MeterReading;
import io.chargeplane.billing.domain.rating.MeteredSession;
import io.chargeplane.billing.domain.rating.Metering;
import io.chargeplane.billing.domain.rating.RatingEngine;
import io.chargeplane.billing.domain.rating.SessionFacts;
import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.EnergyTier;
import io.chargeplane.billing.domain.tariff.HolidayCalendar;
import io.chargeplane.billing.domain.tariff.IdleFee;
import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.SlotMap;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sessions rated per second on one thread (one core): an 8-hour session with a reading every minute (480
 * intervals) against a tariff whose 48 half-hour slots all differ from their neighbours, so every slot boundary
 * cuts a reading interval. The session starts at 18:17 local on the eve of a holiday and runs past midnight, so
 * the slot map switches; the month-to-date energy is just below a tier step, so the ladder is climbed mid-session.
 *
 * <ul>
 *   <li>{@code rate}: the whole engine, metering and settlement (lines, session fee, cap, idle, a coupon);</li>
 *   <li>{@code readAndRate}: the same, including building the {@link MeteredSession} from the readings
 *       (validation and conversion), i.e. everything from a list of readings to a bill;</li>
 *   <li>{@code meter}: metering alone.</li>
 * </ul>
 *
 * <p>Each benchmark also prints operations per CPU-second of its thread ({@link CpuTime}), the per-core figure
 * that stays meaningful when the machine is shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RatingBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] CYCLE = {Rate.SHARP, Rate.PEAK, Rate.FLAT, Rate.VALLEY};

    private RatingEngine engine;
    private List<MeterReading> readings;
    private MeteredSession session;
    private Energy monthToDate;
    private SessionFacts facts;

    @Setup
    public void setUp() {
        engine = new RatingEngine(tariff());
        readings = readings();
        session = MeteredSession.of(readings);
        monthToDate = Energy.ofMilliwattHours(180_000_000L);
        facts = new SessionFacts(session.end().plus(Duration.ofMinutes(37)), null,
                List.of(new Coupon.FixedAmount("welcome", Money.ofMinor(500, "CNY"), true)));
    }

    @Benchmark
    public Bill rate(CpuTime cpu) {
        cpu.operations++;
        return engine.rate(session, monthToDate, facts);
    }

    @Benchmark
    public Bill readAndRate(CpuTime cpu) {
        cpu.operations++;
        return engine.rate(MeteredSession.of(readings), monthToDate, facts);
    }

    @Benchmark
    public Metering meter(CpuTime cpu) {
        cpu.operations++;
        return engine.meter(session, monthToDate);
    }

    static TariffVersion tariff() {
        List<String> workday = new ArrayList<>();
        List<String> holiday = new ArrayList<>();
        for (int slot = 0; slot < SlotMap.SLOTS_PER_DAY; slot++) {
            workday.add(CYCLE[slot % CYCLE.length]);
            holiday.add(CYCLE[(slot + 2) % CYCLE.length]);
        }
        return TariffVersion.builder()
                .validFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .zone(SHANGHAI)
                .currency("CNY")
                .rate(Rate.of(Rate.SHARP, "1.2345", "0.8000"))
                .rate(Rate.of(Rate.PEAK, "1.0123", "0.6000"))
                .rate(Rate.of(Rate.FLAT, "0.7012", "0.4000"))
                .rate(Rate.of(Rate.VALLEY, "0.3056", "0.2000"))
                .slotMap(DayType.WORKDAY, new SlotMap(workday))
                .slotMap(DayType.HOLIDAY, new SlotMap(holiday))
                .calendar(new HolidayCalendar("cn-2026", Set.of(LocalDate.of(2026, 10, 1)), Set.of()))
                .tiers(List.of(EnergyTier.fromKwh(0, "0"), EnergyTier.fromKwh(200, "0.05"), EnergyTier.fromKwh(400, "0.15")))
                .chargingTimePerMinute(new BigDecimal("0.01"))
                .sessionFee(Money.ofMinor(100, "CNY"))
                .cap(Money.ofMinor(500_00, "CNY"))
                .idle(new IdleFee(Duration.ofMinutes(15), new BigDecimal("0.50"), Money.ofMinor(50_00, "CNY")))
                .build();
    }

    /** 481 readings one minute apart from 18:17:23 local on 30 September 2026, about 7 kW with noise. */
    static List<MeterReading> readings() {
        Random random = new Random(20261001L);
        Instant at = LocalDateTime.of(2026, 9, 30, 18, 17, 23).atZone(SHANGHAI).toInstant();
        long register = 12_345_678_901L;
        List<MeterReading> readings = new ArrayList<>(481);
        for (int minute = 0; minute <= 480; minute++) {
            readings.add(MeterReading.of(at.plusSeconds(60L * minute), register));
            register += 100_000 + random.nextInt(33_334);
        }
        return readings;
    }
}
