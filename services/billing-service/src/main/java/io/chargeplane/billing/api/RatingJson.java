package io.chargeplane.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chargeplane.billing.domain.rating.Bill;
import io.chargeplane.billing.domain.rating.EnergyBucket;
import io.chargeplane.billing.domain.rating.RatedLine;
import io.chargeplane.model.unit.Energy;

import java.math.BigDecimal;
import java.util.List;

/** Bills on the wire: quotes, previews, receipts and the published rated-session record share these shapes. */
public final class RatingJson {

    private RatingJson() {
    }

    /** One itemised line; {@code amount} was rounded once with {@code rounding}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String kind, String rate, Integer tier, String reference, BigDecimal quantity, String unit,
                       BigDecimal unitPrice, Dtos.Amount amount, String rounding) {
        public static Line of(RatedLine l) {
            return new Line(l.kind().name(), l.rate(), l.tier(), l.reference(), l.quantity(), l.unit(), l.unitPrice(),
                    TariffMapper.amount(l.amount()), l.rounding().name());
        }
    }

    /** Energy under one rate, slot map and tier. */
    public record Bucket(String rate, String dayType, int tier, Energy energy) {
        public static Bucket of(EnergyBucket b) {
            return new Bucket(b.rate(), b.dayType().name(), b.tier(), b.energy());
        }
    }

    /** A whole bill: what the preview returns. */
    public record BillJson(String tariffId, int tariffVersion, Energy energy, Energy monthToDateBefore,
                           List<Bucket> buckets, List<Line> lines, Dtos.Amount chargingCharge, Dtos.Amount total) {
        public static BillJson of(String tariffId, Bill bill) {
            return new BillJson(tariffId, bill.tariffVersion(), bill.metering().energy(), bill.metering().monthToDateBefore(),
                    bill.metering().buckets().stream().map(Bucket::of).toList(),
                    bill.lines().stream().map(Line::of).toList(), TariffMapper.amount(bill.chargingCharge()),
                    TariffMapper.amount(bill.total()));
        }
    }

    /** The quote reply of the shared contract. */
    public record Quote(String sessionId, String tariffId, int tariffVersion, Energy energy, Dtos.Amount total,
                        List<Line> lines) {
    }

    /**
     * A hypothetical session to rate. Either {@code tariffId} (a stored tariff) or {@code tariff} (inline, not
     * stored); {@code start}, {@code end}; and either {@code readings} or {@code energyKwh}, which is delivered at
     * constant power from start to end. {@code monthToDateKwh} places it on a monthly ladder (default 0).
     * Optional facts that bring in the other components: {@code unpluggedAt} (idle fee from the end of charging to
     * then), {@code parking} (the stay, for the parking fee) and {@code coupons} (applied by their stacking rules).
     */
    public record PreviewRequest(String tariffId, TariffJson.Tariff tariff, String start, String end,
                                 List<Reading> readings, BigDecimal energyKwh, BigDecimal monthToDateKwh,
                                 String unpluggedAt, Stay parking, List<CouponJson> coupons) {
    }

    /** A parking stay: ISO instants of entering and leaving. */
    public record Stay(String entered, String left) {
    }

    /**
     * A coupon: {@code kind} FIXED_AMOUNT (with {@code amount}), PERCENTAGE (with {@code percent}, 0–100) or
     * FREE_ENERGY (with {@code energyKwh}); {@code stackable} false means it is used only alone.
     */
    public record CouponJson(String code, String kind, Dtos.Amount amount, BigDecimal percent, BigDecimal energyKwh,
                             Boolean stackable) {
    }

    /** A register reading: {@code at} ISO instant, {@code registerKwh} cumulative. */
    public record Reading(String at, BigDecimal registerKwh) {
    }

    /** A rated session as its driver (receipt) and the operator see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String receiptNumber, String tenantId, String sessionId, String driver, String site,
                          String device, Integer connector, String tariffId, Integer tariffVersion,
                          java.time.OffsetDateTime startedAt, java.time.OffsetDateTime endedAt, Energy energy,
                          Dtos.Amount total, Dtos.Amount paid, Dtos.Amount outstanding, String paymentStatus,
                          String businessKey, String holdId, List<Object> lines, List<Object> buckets, String note,
                          java.time.OffsetDateTime ratedAt) {
        public static Receipt of(io.chargeplane.billing.persistence.RatedSessionStore.RatedSession s) {
            return new Receipt(s.receiptNumber(), s.tenantId(), s.sessionId(), s.driver(), s.site(), s.device(),
                    s.connector(), s.tariffId(), s.tariffVersion(), s.startedAt(), s.endedAt(),
                    Energy.ofMilliwattHours(s.energyMwh()), Dtos.Amount.of(s.totalMinor(), s.currency()),
                    Dtos.Amount.of(s.paidMinor(), s.currency()), Dtos.Amount.of(s.outstandingMinor(), s.currency()),
                    s.paymentStatus(), s.businessKey(), s.holdId(), s.lines().getList(), s.buckets().getList(), s.note(),
                    s.ratedAt());
        }
    }
}
