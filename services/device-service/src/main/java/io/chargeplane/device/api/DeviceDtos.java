package io.chargeplane.device.api;

import io.chargeplane.device.domain.ConnectorType;
import io.chargeplane.device.domain.DeviceStatus;
import io.chargeplane.device.domain.EvseSpec;
import io.chargeplane.device.domain.PowerType;
import io.chargeplane.device.persistence.ConnectorEntity;
import io.chargeplane.device.persistence.DeviceStore;
import io.chargeplane.device.persistence.EvseEntity;
import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.DeviceId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.chargeplane.device.identity.DeviceCredentials;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/devices}. */
public final class DeviceDtos {

    private DeviceDtos() {
    }

    @Schema(name = "DeviceCreate", description = "A device to register in the tenant acted for")
    public record Create(
            @Schema(description = "Site of the same tenant", required = true) UUID siteId,
            @Schema(required = true) String name,
            @Schema(required = true) DeviceKind kind,
            @Schema(required = true) String vendor,
            @Schema(required = true) String model,
            @Schema(description = "Unique per tenant and vendor") String serialNumber,
            @Schema(description = "Wire name, e.g. ocpp1.6, ocpp2.0.1, ykc, vendor-mqtt", required = true)
            Protocol protocol,
            String firmwareVersion,
            @Schema(description = "Canonical device id, unique on the platform: the OCPP station id in the "
                    + "connection URL, the YKC pile code, the MQTT topic level", required = true)
            DeviceId identity,
            @Schema(description = "Defaults to ENABLED") DeviceStatus status,
            @Schema(description = "Chargers: at least one EVSE with at least one connector; gates and locks: none")
            List<EvseSpec> evses) {
    }

    @Schema(name = "DevicePatch", description = "Changes to a device; absent fields stay. Kind, identity and "
            + "EVSE layout are fixed at registration. Set status to BLOCKED to refuse the device's connections.")
    public record Patch(UUID siteId, String name, String vendor, String model, String serialNumber,
                        Protocol protocol, String firmwareVersion, DeviceStatus status) {
    }

    @Schema(name = "Connector")
    public record ConnectorView(int connectorNumber, ConnectorType type, PowerType powerType, int maxPowerW) {
    }

    @Schema(name = "Evse")
    public record EvseView(int evseNumber, List<ConnectorView> connectors) {
    }

    @Schema(name = "Device")
    public record View(UUID id, String tenantId, UUID siteId, String name, DeviceKind kind, String vendor,
                       String model, String serialNumber, Protocol protocol, String firmwareVersion, String identity,
                       DeviceStatus status, List<EvseView> evses, Instant createdAt, Instant updatedAt,
                       @Schema(description = "Optimistic-lock version; also the ETag") long version) {

        static View of(DeviceStore.Registered registered) {
            var d = registered.device();
            return new View(d.id, d.tenantId, d.siteId, d.name, d.kind, d.vendor, d.model, d.serialNumber, d.protocol,
                    d.firmwareVersion, d.identity, d.status, evses(registered.evses(), registered.connectors()),
                    d.createdAt, d.updatedAt, d.version);
        }

        private static List<EvseView> evses(List<EvseEntity> evses, List<ConnectorEntity> connectors) {
            return evses.stream().map(evse -> new EvseView(evse.evseNumber, connectors.stream()
                    .filter(c -> c.evseId.equals(evse.id))
                    .map(c -> new ConnectorView(c.connectorNumber, c.type, c.powerType, c.maxPowerW))
                    .toList())).toList();
        }
    }

    @Schema(name = "DeviceCredentials", description = "The device's Keycloak client. The secret (also the OCPP "
            + "basic-auth password; with the clientId it gets tokens by the client-credentials grant) is shown in "
            + "this one answer only: device-service keeps no copy, and a replayed answer (Idempotent-Replayed) omits "
            + "it. A lost secret is replaced with POST /api/v1/devices/{deviceId}/credentials/rotate.")
    public record Credentials(
            @Schema(description = "device-<identity>") String clientId,
            @Schema(description = "Absent in replayed answers") @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static Credentials of(DeviceCredentials credentials) {
            return new Credentials(credentials.clientId(), credentials.secret());
        }

        Credentials withoutSecret() {
            return new Credentials(clientId, null);
        }

        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + "]";
        }
    }

    @Schema(name = "RegisteredDevice", description = "The registered device and, once, its credentials")
    public record Registered(@JsonUnwrapped View device, Credentials credentials) {
    }

    @Schema(name = "RotatedCredentials", description = "The device's new credentials, shown once")
    public record Rotated(UUID deviceId, Credentials credentials) {
    }
}
