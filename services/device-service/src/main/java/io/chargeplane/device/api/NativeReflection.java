package io.chargeplane.device.api;

import io.chargeplane.device.domain.ConnectorSpec;
import io.chargeplane.device.domain.EvseSpec;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson binds by reflection outside what the REST layer registers on its own: nested request parts,
 * the generic page wrapper, the idempotency fingerprint, and status changes that also travel through Redis.
 * Keeps the native executable equal to the JVM.
 */
@RegisterForReflection(targets = {
        TenantDtos.Create.class, TenantDtos.Patch.class, TenantDtos.View.class,
        SiteDtos.Create.class, SiteDtos.Patch.class, SiteDtos.View.class, SiteDtos.Address.class, SiteDtos.Location.class,
        DeviceDtos.Create.class, DeviceDtos.Patch.class, DeviceDtos.View.class, DeviceDtos.EvseView.class,
        DeviceDtos.ConnectorView.class, EvseSpec.class, ConnectorSpec.class, PageView.class, Mutations.Fingerprint.class,
        io.chargeplane.device.status.LiveView.class, io.chargeplane.device.status.LiveView.Connector.class,
        io.chargeplane.device.status.LiveView.Meter.class, io.chargeplane.device.status.StatusChange.class,
        io.chargeplane.device.audit.AuditEntry.class, CommandDtos.View.class,
        DeviceDtos.Credentials.class, DeviceDtos.Registered.class, DeviceDtos.Rotated.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
