package io.chargeplane.billing.domain.tariff;

import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/**
 * Where a tariff applies: a whole tenant, one of its sites, or one connector of one charger. The most specific
 * scope that matches a session wins.
 *
 * @param site null for the whole tenant
 * @param device null unless the scope is one connector
 * @param connector null unless the scope is one connector
 */
public record TariffScope(TenantId tenant, String site, DeviceId device, ConnectorId connector) {

    public TariffScope {
        Check.present(tenant, "tenant");
        Check.that((device == null) == (connector == null), device == null ? "device" : "connector",
                "a connector scope needs both device and connector");
        Check.that(site != null || device == null, "site", "a connector scope needs its site");
        Check.that(site == null || !site.isBlank(), "site", "must not be blank");
    }

    public static TariffScope tenant(TenantId tenant) {
        return new TariffScope(tenant, null, null, null);
    }

    public static TariffScope site(TenantId tenant, String site) {
        return new TariffScope(tenant, site, null, null);
    }

    public static TariffScope connector(TenantId tenant, String site, DeviceId device, ConnectorId connector) {
        return new TariffScope(tenant, site, device, connector);
    }

    /** 0 for a tenant, 1 for a site, 2 for a connector. */
    public int specificity() {
        return device != null ? 2 : site != null ? 1 : 0;
    }

    public boolean covers(TenantId tenant, String site, DeviceId device, ConnectorId connector) {
        return this.tenant.equals(tenant)
                && (this.site == null || this.site.equals(site))
                && (this.device == null || (this.device.equals(device) && this.connector.equals(connector)));
    }
}
