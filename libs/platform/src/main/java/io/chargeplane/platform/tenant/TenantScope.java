package io.chargeplane.platform.tenant;

import io.chargeplane.model.id.TenantId;

/**
 * Whose data a request may touch. A tenant user is pinned to its own tenant; a platform admin acts for
 * a tenant only when it names one, and otherwise sees across tenants — never by accident, because
 * queries ask {@link #restrictedTo()} and a cross-tenant scope must be handled explicitly.
 */
public sealed interface TenantScope {

    /** The one tenant a query must be restricted to, or {@code null} for an explicit cross-tenant scope. */
    TenantId restrictedTo();

    /** Whether data owned by {@code owner} is visible in this scope. */
    default boolean permits(TenantId owner) {
        TenantId only = restrictedTo();
        return only == null || only.equals(owner);
    }

    /** A caller acting for exactly one tenant. */
    record Single(TenantId tenant) implements TenantScope {
        @Override
        public TenantId restrictedTo() {
            return tenant;
        }
    }

    /** A platform admin who named no tenant: every tenant. */
    record AllTenants() implements TenantScope {
        @Override
        public TenantId restrictedTo() {
            return null;
        }
    }
}
