package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.unit.Energy;
import java.time.Instant;
import java.util.Objects;

/**
 * Rates charging sessions with one tariff version. A pure function of its inputs: no clock, no I/O, no shared
 * mutable state, so one instance may be used from many threads.
 *
 * <p>Rating is two steps. {@link #meter} turns meter readings into integer quantities (mWh per
 * rate/slot-map/tier bucket, charging nanoseconds); {@link #settle} prices them and applies the session-level
 * rules (session fee, minimum, cap, coupons, idle, parking), rounding each line once. Because money only appears
 * in the second step, a session split at any instant and metered in two parts gives the same metering as the
 * whole, hence the same bill, to the minor unit.
 */
public final class RatingEngine {

    private final CompiledTariff tariff;

    public RatingEngine(TariffVersion version) {
        this.tariff = new CompiledTariff(Objects.requireNonNull(version, "version"));
    }

    /** The engine for a session that started at {@code sessionStart}: the version valid then. */
    public static RatingEngine forSessionStart(Tariff tariff, Instant sessionStart) {
        TariffVersion version = tariff.versionAt(sessionStart).orElseThrow(() -> new RatingInputException(
                "sessionStart", "tariff '" + tariff.id() + "' has no version valid at " + sessionStart
                        + " (first is valid from " + tariff.versions().get(0).validFrom() + ")"));
        return new RatingEngine(version);
    }

    public TariffVersion version() {
        return tariff.version;
    }

    /**
     * The quantities of a session (or a window of one).
     *
     * @param monthToDate the customer's energy earlier in the same billing month, which places the session on
     *                    the tariff's monthly ladder
     */
    public Metering meter(MeteredSession session, Energy monthToDate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(monthToDate, "monthToDate");
        return EnergyMeter.meter(tariff, session, monthToDate.milliwattHours());
    }

    /** Prices a whole session's metering and applies the session-level rules. */
    public Bill settle(Metering metering, SessionFacts facts) {
        Objects.requireNonNull(metering, "metering");
        Objects.requireNonNull(facts, "facts");
        if (metering.tariff() != tariff && !metering.tariff().version.equals(tariff.version)) {
            throw new RatingInputException("metering.tariffVersion", "was metered with version "
                    + metering.tariffVersion() + ", this engine rates version " + tariff.version.version());
        }
        return Settlement.settle(tariff, metering, facts);
    }

    /** {@code settle(meter(session, monthToDate), facts)}. */
    public Bill rate(MeteredSession session, Energy monthToDate, SessionFacts facts) {
        return settle(meter(session, monthToDate), facts);
    }
}
