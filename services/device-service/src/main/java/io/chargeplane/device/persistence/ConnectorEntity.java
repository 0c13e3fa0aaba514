package io.chargeplane.device.persistence;

import io.chargeplane.device.domain.ConnectorType;
import io.chargeplane.device.domain.PowerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A connector of an EVSE; carries its device id too so a device's connectors load in one query. */
@Entity
@Table(name = "connectors")
public class ConnectorEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "evse_id")
    public UUID evseId;
    @Column(name = "connector_number")
    public int connectorNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "connector_type")
    public ConnectorType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "power_type")
    public PowerType powerType;
    @Column(name = "max_power_w")
    public int maxPowerW;
}
