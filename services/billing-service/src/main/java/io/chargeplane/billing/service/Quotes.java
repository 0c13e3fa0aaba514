package io.chargeplane.billing.service;

import io.chargeplane.billing.domain.rating.Bill;
import io.chargeplane.billing.domain.rating.MeteredSession;
import io.chargeplane.billing.domain.rating.RatingEngine;
import io.chargeplane.billing.domain.rating.SessionFacts;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.billing.persistence.TariffStore;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.unit.Energy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Rates a session in progress as if it ended at its last reading, with the tariff the completed session will be
 * rated with (same resolution, same version rule, same month-to-date energy), so the estimate and the final bill
 * agree when nothing else happens. Nothing is written.
 */
@ApplicationScoped
public class Quotes {

    /** A quote: the tariff that applied and the bill; empty when no tariff (version) applies. */
    public record Quote(Tariff tariff, Bill bill) {
    }

    private final Pool pool;
    private final TariffStore tariffs;

    public Quotes(Pool pool, TariffStore tariffs) {
        this.pool = pool;
        this.tariffs = tariffs;
    }

    public Uni<Optional<Quote>> quote(ChargingSessionChanged session) {
        MeteredSession metered = SessionMetering.of(session);
        return tariffs.book(session.tenant()).flatMap(book -> {
            Optional<Tariff> tariff = book.resolve(session.tenant(), session.site(), session.device(), session.connector());
            Optional<TariffVersion> version = tariff.flatMap(t -> t.versionAt(session.startedAt()));
            if (version.isEmpty()) {
                return Uni.createFrom().item(Optional.<Quote>empty());
            }
            String month = YearMonth.from(session.startedAt().atZone(version.get().zone())).toString();
            return monthToDate(session, month).map(mtd -> Optional.of(new Quote(tariff.get(),
                    new RatingEngine(version.get()).rate(metered, Energy.ofMilliwattHours(mtd), SessionFacts.NONE))));
        });
    }

    private Uni<Long> monthToDate(ChargingSessionChanged session, String month) {
        if (session.driver() == null) {
            return Uni.createFrom().item(0L);
        }
        return pool.preparedQuery("select energy_mwh from driver_month_energy where tenant_id = $1 and driver = $2 and month = $3")
                .execute(Tuple.of(session.tenant().value(), session.driver(), month))
                .map(rows -> rows.rowCount() == 0 ? 0L : rows.iterator().next().getLong(0));
    }
}
