package io.chargeplane.device.persistence;

import io.chargeplane.device.domain.DeviceStatus;
import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.device.Protocol;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered device. {@code identity} is the canonical device id (the OCPP station id in the connection
 * URL, a YKC pile code, the MQTT topic level) and is unique across the platform.
 */
@Entity
@Table(name = "devices")
public class DeviceEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "site_id")
    public UUID siteId;
    public String name;
    @Enumerated(EnumType.STRING)
    public DeviceKind kind;
    public String vendor;
    public String model;
    @Column(name = "serial_number")
    public String serialNumber;
    @Enumerated(EnumType.STRING)
    public Protocol protocol;
    @Column(name = "firmware_version")
    public String firmwareVersion;
    public String identity;
    @Enumerated(EnumType.STRING)
    public DeviceStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public Long version;
}
