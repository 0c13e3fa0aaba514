package io.chargeplane.device.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * An EVSE of a charger. Mapped without associations on purpose: lists load the EVSEs and connectors of a
 * whole page in two queries instead of lazy fetches per device.
 */
@Entity
@Table(name = "evses")
public class EvseEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "evse_number")
    public int evseNumber;
}
