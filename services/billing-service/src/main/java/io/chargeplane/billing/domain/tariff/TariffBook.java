package io.chargeplane.billing.domain.tariff;

import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A set of tariffs with distinct scopes; finds the one that applies to a connector. */
public record TariffBook(List<Tariff> tariffs) {

    public TariffBook {
        tariffs = List.copyOf(Check.present(tariffs, "tariffs"));
        Map<TariffScope, String> seen = new HashMap<>();
        for (int i = 0; i < tariffs.size(); i++) {
            Tariff tariff = Check.present(tariffs.get(i), "tariffs[" + i + "]");
            String other = seen.putIfAbsent(tariff.scope(), tariff.id());
            Check.that(other == null, "tariffs[" + i + "].scope", "same scope as tariff '" + other + "'");
        }
    }

    /** The most specific tariff for the connector: its own, else its site's, else its tenant's. */
    public Optional<Tariff> resolve(TenantId tenant, String site, DeviceId device, ConnectorId connector) {
        Tariff best = null;
        for (Tariff tariff : tariffs) {
            if (tariff.scope().covers(tenant, site, device, connector)
                    && (best == null || tariff.scope().specificity() > best.scope().specificity())) {
                best = tariff;
            }
        }
        return Optional.ofNullable(best);
    }
}
