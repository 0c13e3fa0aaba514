package io.chargeplane.device.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Plain access to {@link EvseEntity} rows; tenant rules live in the stores that use it. */
@ApplicationScoped
public class EvseRepository implements PanacheRepositoryBase<EvseEntity, UUID> {
}
