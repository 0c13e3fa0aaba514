package io.chargeplane.device.persistence;

import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.domain.Versions;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sites, always read and written within a tenant restriction: a site of another tenant is reported absent.
 */
@ApplicationScoped
public class SiteStore implements PanacheRepositoryBase<SiteEntity, UUID> {

    private final DeviceRepository devices;

    public SiteStore(DeviceRepository devices) {
        this.devices = devices;
    }

    /** Filters of the site list; a null filter does not restrict. */
    public record Filter(String country, String textPattern) {
    }

    public Uni<PageResult<SiteEntity>> list(TenantId only, Filter filter, PageRequest page) {
        Where where = Where.tenant("tenantId", only)
                .eq("country", "country", filter.country())
                .matches(filter.textPattern(), "name", "city");
        return Panache.withSession(() -> Pages.read(this, where, page, Pages.creationOrder("id")));
    }

    public Uni<SiteEntity> get(TenantId only, UUID id) {
        return Panache.withSession(() -> visible(only, id));
    }

    public Uni<SiteEntity> create(SiteEntity site) {
        site.id = UUID.randomUUID();
        site.createdAt = Clock.now();
        site.updatedAt = site.createdAt;
        return Panache.withTransaction(() -> persist(site).call(this::flush))
                .onFailure().transform(PersistenceErrors::translate);
    }

    public Uni<SiteEntity> update(TenantId tenant, UUID id, OptionalLong expected, Consumer<SiteEntity> change) {
        return Panache.withTransaction(() -> visible(tenant, id)
                        .invoke(site -> {
                            requireVersion(expected, site);
                            change.accept(site);
                            site.updatedAt = Clock.now();
                        })
                        .call(this::flush))
                .onFailure().transform(PersistenceErrors::translate);
    }

    /** Deletes an empty site; a site that still has devices is a conflict (move or delete them first). */
    public Uni<Void> delete(TenantId tenant, UUID id, OptionalLong expected) {
        return Panache.withTransaction(() -> visible(tenant, id)
                        .invoke(site -> requireVersion(expected, site))
                        .call(site -> devices.count("tenantId = ?1 and siteId = ?2", tenant.value(), id).invoke(count -> {
                            if (count > 0) {
                                throw new ProblemException(ErrorCode.CONFLICT,
                                        "the site still has " + count + " devices: move or delete them first");
                            }
                        }))
                        .call(this::delete)
                        .replaceWithVoid())
                .onFailure().transform(PersistenceErrors::translate);
    }

    /** Whether the site exists within {@code tenant}; callers run inside a session. */
    Uni<Boolean> existsIn(TenantId tenant, UUID id) {
        return count("id = :id and tenantId = :tenant",
                java.util.Map.of("id", id, "tenant", tenant.value())).map(n -> n > 0);
    }

    private Uni<SiteEntity> visible(TenantId only, UUID id) {
        Where where = Where.tenant("tenantId", only).eq("id", "id", id);
        return find(where.hql(), where.params()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("site " + id));
    }

    private static void requireVersion(OptionalLong expected, SiteEntity site) {
        if (!Versions.satisfies(expected, site.version)) {
            throw PersistenceErrors.versionConflict(null);
        }
    }
}
