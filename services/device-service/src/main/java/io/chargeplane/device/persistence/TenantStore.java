package io.chargeplane.device.persistence;

import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.domain.Versions;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;
import java.util.function.Consumer;

/** Tenants. Reads take the caller's tenant restriction; writes are for platform admins only (the API checks roles). */
@ApplicationScoped
public class TenantStore implements PanacheRepositoryBase<TenantEntity, String> {

    public Uni<PageResult<TenantEntity>> list(TenantId only, String textPattern, PageRequest page) {
        Where where = Where.tenant("id", only).matches(textPattern, "name", "id");
        return Panache.withSession(() -> Pages.read(this, where, page, Pages.creationOrder("id")));
    }

    /** The tenant, or a 404 problem when it is absent or outside {@code only}. */
    public Uni<TenantEntity> get(TenantId only, TenantId id) {
        return Panache.withSession(() -> visible(only, id));
    }

    public Uni<TenantEntity> create(TenantEntity tenant) {
        tenant.createdAt = Clock.now();
        tenant.updatedAt = tenant.createdAt;
        return Panache.withTransaction(() -> persist(tenant).call(this::flush))
                .onFailure().transform(PersistenceErrors::translate);
    }

    public Uni<TenantEntity> update(TenantId id, OptionalLong expected, Consumer<TenantEntity> change) {
        return Panache.withTransaction(() -> visible(null, id)
                        .invoke(tenant -> {
                            if (!Versions.satisfies(expected, tenant.version)) {
                                throw PersistenceErrors.versionConflict(null);
                            }
                            change.accept(tenant);
                            tenant.updatedAt = Clock.now();
                        })
                        .call(this::flush))
                .onFailure().transform(PersistenceErrors::translate);
    }

    private Uni<TenantEntity> visible(TenantId only, TenantId id) {
        if (only != null && !only.equals(id)) {
            return Uni.createFrom().failure(ProblemException.notFound("tenant " + id));
        }
        return findById(id.value()).onItem().ifNull().failWith(() -> ProblemException.notFound("tenant " + id));
    }
}
