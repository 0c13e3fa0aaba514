package io.chargeplane.device.persistence;

import io.chargeplane.device.domain.ConnectorSpec;
import io.chargeplane.device.domain.DeviceStatus;
import io.chargeplane.device.domain.EvseSpec;
import io.chargeplane.device.domain.InvalidRequestException;
import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.domain.Versions;
import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Devices with their EVSEs and connectors, always within a tenant restriction. A device's site must belong
 * to the device's tenant: checked here for a clear field error and enforced again by the composite foreign
 * key in the schema.
 */
@ApplicationScoped
public class DeviceStore {

    private final DeviceRepository devices;
    private final EvseRepository evses;
    private final ConnectorRepository connectors;
    private final SiteStore sites;

    public DeviceStore(DeviceRepository devices, EvseRepository evses, ConnectorRepository connectors, SiteStore sites) {
        this.devices = devices;
        this.evses = evses;
        this.connectors = connectors;
        this.sites = sites;
    }

    /** Filters of the device list; a null filter does not restrict. */
    public record Filter(UUID siteId, DeviceKind kind, Protocol protocol, String vendor, DeviceStatus status,
                         String textPattern) {
    }

    /** A device with its EVSEs (by number) and connectors (by number); both empty for gates and locks. */
    public record Registered(DeviceEntity device, List<EvseEntity> evses, List<ConnectorEntity> connectors) {
    }

    public Uni<PageResult<Registered>> list(TenantId only, Filter filter, PageRequest page) {
        Where where = Where.tenant("tenantId", only)
                .eq("siteId", "site", filter.siteId())
                .eq("kind", "kind", filter.kind())
                .eq("protocol", "protocol", filter.protocol())
                .eq("vendor", "vendor", filter.vendor())
                .eq("status", "status", filter.status())
                .matches(filter.textPattern(), "name", "identity");
        return Panache.withSession(() -> Pages.read(devices, where, page, Pages.creationOrder("id"))
                .flatMap(found -> withLayouts(found.items()).map(items -> new PageResult<>(items, found.total()))));
    }

    public Uni<Registered> get(TenantId only, UUID id) {
        return Panache.withSession(() -> visible(only, id).flatMap(this::withLayout));
    }

    /** Every device of every tenant, without layouts: what the identity reconciliation compares with Keycloak. */
    public Uni<List<DeviceEntity>> everyDevice() {
        return Panache.withSession(() -> devices.listAll());
    }

    /** Whether a device of any tenant holds {@code identity}, which is unique on the platform. */
    public Uni<Boolean> identityTaken(String identity) {
        return Panache.withSession(() -> devices.count("identity", identity)).map(count -> count > 0);
    }

    /** Registers {@code device} (tenant, site and fields set by the caller) with its charger layout. */
    public Uni<Registered> create(DeviceEntity device, List<EvseSpec> layout) {
        device.id = UUID.randomUUID();
        device.createdAt = Clock.now();
        device.updatedAt = device.createdAt;
        List<EvseEntity> evseRows = new ArrayList<>();
        List<ConnectorEntity> connectorRows = new ArrayList<>();
        for (EvseSpec spec : layout == null ? List.<EvseSpec>of() : layout) {
            EvseEntity evse = evseRow(device, spec);
            evseRows.add(evse);
            spec.connectors().forEach(c -> connectorRows.add(connectorRow(evse, c)));
        }
        TenantId tenant = TenantId.of(device.tenantId);
        // Flushed step by step: the rows have no mapped associations, so Hibernate cannot order the inserts.
        return Panache.withTransaction(() -> requireSite(tenant, device.siteId)
                        .chain(() -> devices.persist(device)).call(devices::flush)
                        .chain(() -> persistAll(evses, evseRows))
                        .chain(() -> persistAll(connectors, connectorRows))
                        .map(done -> new Registered(device, sorted(evseRows), connectorRows)))
                .onFailure().transform(PersistenceErrors::translate);
    }

    /**
     * Applies {@code change} to the device if {@code expected} matches its version.
     *
     * @param newSiteId the site the change moves the device to, checked to be the tenant's; null when unchanged
     */
    public Uni<Registered> update(TenantId tenant, UUID id, OptionalLong expected, UUID newSiteId,
                                  Consumer<DeviceEntity> change) {
        return Panache.withTransaction(() -> visible(tenant, id)
                        .call(device -> newSiteId == null ? Uni.createFrom().voidItem() : requireSite(tenant, newSiteId))
                        .invoke(device -> {
                            requireVersion(expected, device);
                            change.accept(device);
                            device.updatedAt = Clock.now();
                        })
                        .call(devices::flush)
                        .flatMap(this::withLayout))
                .onFailure().transform(PersistenceErrors::translate);
    }

    /** Deletes the device; its EVSEs and connectors go with it (ON DELETE CASCADE). */
    public Uni<Void> delete(TenantId tenant, UUID id, OptionalLong expected) {
        return Panache.withTransaction(() -> visible(tenant, id)
                        .invoke(device -> requireVersion(expected, device))
                        .call(devices::delete)
                        .replaceWithVoid())
                .onFailure().transform(PersistenceErrors::translate);
    }

    /** Panache refuses to persist an empty collection; a gate or lock has no EVSEs. */
    private static <E> Uni<Void> persistAll(io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase<E, UUID> repository,
                                            List<E> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(rows).call(repository::flush);
    }

    private Uni<Void> requireSite(TenantId tenant, UUID siteId) {
        return sites.existsIn(tenant, siteId).invoke(exists -> {
            if (!exists) {
                throw InvalidRequestException.of("siteId", "no site " + siteId + " in tenant " + tenant);
            }
        }).replaceWithVoid();
    }

    private Uni<DeviceEntity> visible(TenantId only, UUID id) {
        Where where = Where.tenant("tenantId", only).eq("id", "id", id);
        return devices.find(where.hql(), where.params()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("device " + id));
    }

    private Uni<Registered> withLayout(DeviceEntity device) {
        return withLayouts(List.of(device)).map(List::getFirst);
    }

    /** EVSEs and connectors of a whole page in two queries. */
    private Uni<List<Registered>> withLayouts(List<DeviceEntity> page) {
        List<UUID> ids = page.stream().filter(d -> d.kind == DeviceKind.CHARGER).map(d -> d.id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(page.stream().map(d -> new Registered(d, List.of(), List.of())).toList());
        }
        Map<String, Object> params = Map.of("ids", ids);
        return evses.list("deviceId in :ids", Sort.by("evseNumber"), params)
                .flatMap(evseRows -> connectors.list("deviceId in :ids", Sort.by("connectorNumber"), params)
                        .map(connectorRows -> assemble(page, evseRows, connectorRows)));
    }

    private static List<Registered> assemble(List<DeviceEntity> page, List<EvseEntity> evseRows,
                                             List<ConnectorEntity> connectorRows) {
        Map<UUID, List<EvseEntity>> evsesByDevice = evseRows.stream()
                .collect(Collectors.groupingBy(e -> e.deviceId));
        Map<UUID, List<ConnectorEntity>> connectorsByDevice = connectorRows.stream()
                .collect(Collectors.groupingBy(c -> c.deviceId));
        return page.stream().map(d -> new Registered(d, evsesByDevice.getOrDefault(d.id, List.of()),
                connectorsByDevice.getOrDefault(d.id, List.of()))).toList();
    }

    private static List<EvseEntity> sorted(List<EvseEntity> rows) {
        return rows.stream().sorted(java.util.Comparator.comparingInt(e -> e.evseNumber)).toList();
    }

    private static EvseEntity evseRow(DeviceEntity device, EvseSpec spec) {
        EvseEntity evse = new EvseEntity();
        evse.id = UUID.randomUUID();
        evse.tenantId = device.tenantId;
        evse.deviceId = device.id;
        evse.evseNumber = spec.evseNumber();
        return evse;
    }

    private static ConnectorEntity connectorRow(EvseEntity evse, ConnectorSpec spec) {
        ConnectorEntity connector = new ConnectorEntity();
        connector.id = UUID.randomUUID();
        connector.tenantId = evse.tenantId;
        connector.deviceId = evse.deviceId;
        connector.evseId = evse.id;
        connector.connectorNumber = spec.connectorNumber();
        connector.type = spec.type();
        connector.powerType = spec.powerType();
        connector.maxPowerW = spec.maxPowerW();
        return connector;
    }

    private static void requireVersion(OptionalLong expected, DeviceEntity device) {
        if (!Versions.satisfies(expected, device.version)) {
            throw PersistenceErrors.versionConflict(null);
        }
    }
}
