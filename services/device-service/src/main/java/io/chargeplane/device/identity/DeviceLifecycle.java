package io.chargeplane.device.identity;

import io.chargeplane.device.domain.DeviceStatus;
import io.chargeplane.device.domain.EvseSpec;
import io.chargeplane.device.persistence.DeviceEntity;
import io.chargeplane.device.persistence.DeviceStore;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemDetail;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Registry changes that also change the device's Keycloak client, ordered so that the two cannot drift apart
 * and a device is never more able to connect than its row says:
 * <ul>
 *   <li>register: client first, then the row; if the row is refused the client is deleted again; if Keycloak
 *       fails nothing is written (503);</li>
 *   <li>block, unblock or a new protocol: the client first, then the row; if the row is refused the client is
 *       put back;</li>
 *   <li>delete: the client is disabled, the row deleted, then the client deleted (a client whose deletion
 *       fails stays disabled, so the device still cannot connect).</li>
 * </ul>
 */
@ApplicationScoped
public class DeviceLifecycle {

    /** A new device with the one-time credentials of its client. */
    public record Registered(DeviceStore.Registered device, DeviceCredentials credentials) {
    }

    private final DeviceStore devices;
    private final DeviceIdentities identities;

    public DeviceLifecycle(DeviceStore devices, DeviceIdentities identities) {
        this.devices = devices;
        this.identities = identities;
    }

    /** Registers the device (fields set by the caller) and creates its client. */
    public Uni<Registered> register(DeviceEntity device, List<EvseSpec> layout) {
        DeviceIdentities.Desired desired = desired(device.tenantId, device.identity, device.protocol, device.status);
        return devices.identityTaken(device.identity)
                .invoke(taken -> {
                    if (taken) {
                        throw new ProblemException(ErrorCode.CONFLICT, "identity: is already taken",
                                List.of(new ProblemDetail.FieldError("identity", "is already taken")), null);
                    }
                })
                .chain(() -> identities.create(desired))
                .flatMap(issued -> devices.create(device, layout)
                        .onFailure().call(() -> identities.discard(issued))
                        .map(created -> new Registered(created, issued.credentials())));
    }

    /**
     * Changes the device; when the change blocks, unblocks or re-protocols it, its client is changed first.
     *
     * @param newStatus   the status the change sets, or null when it keeps it
     * @param newProtocol the protocol the change sets, or null when it keeps it
     */
    public Uni<DeviceStore.Registered> update(TenantId tenant, UUID id, OptionalLong expected, UUID newSiteId,
                                              DeviceStatus newStatus, Protocol newProtocol,
                                              Consumer<DeviceEntity> change) {
        if (newStatus == null && newProtocol == null) {
            return devices.update(tenant, id, expected, newSiteId, change);
        }
        return devices.get(tenant, id).flatMap(current -> {
            DeviceEntity d = current.device();
            DeviceIdentities.Desired before = desired(d.tenantId, d.identity, d.protocol, d.status);
            DeviceIdentities.Desired after = desired(d.tenantId, d.identity,
                    newProtocol == null ? d.protocol : newProtocol, newStatus == null ? d.status : newStatus);
            if (before.equals(after)) {
                return devices.update(tenant, id, expected, newSiteId, change);
            }
            return identities.apply(after).chain(() -> devices.update(tenant, id, expected, newSiteId, change)
                    .onFailure().call(() -> identities.restore(before)));
        });
    }

    /** Deletes the device and its client. */
    public Uni<Void> delete(TenantId tenant, UUID id, OptionalLong expected) {
        return devices.get(tenant, id).flatMap(current -> {
            DeviceEntity d = current.device();
            DeviceIdentities.Desired before = desired(d.tenantId, d.identity, d.protocol, d.status);
            DeviceIdentities.Desired disabled = desired(d.tenantId, d.identity, d.protocol, DeviceStatus.BLOCKED);
            return identities.apply(disabled)
                    .chain(() -> devices.delete(tenant, id, expected).onFailure().call(() -> identities.restore(before)))
                    .call(() -> identities.remove(d.identity));
        });
    }

    /** Sets a new secret on the device's client (creating the client if it is missing). */
    public Uni<DeviceCredentials> rotate(TenantId tenant, UUID id) {
        return devices.get(tenant, id).flatMap(current -> {
            DeviceEntity d = current.device();
            return identities.rotate(desired(d.tenantId, d.identity, d.protocol, d.status));
        });
    }

    private static DeviceIdentities.Desired desired(String tenant, String identity, Protocol protocol,
                                                    DeviceStatus status) {
        return new DeviceIdentities.Desired(tenant, identity, protocol.wireName(), status == DeviceStatus.ENABLED);
    }
}
