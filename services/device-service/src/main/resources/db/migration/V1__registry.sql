-- Device registry: tenants (operators), sites, devices and, for chargers, EVSEs and connectors.
-- Every table carries tenant_id, and every child references its parent together with the tenant,
-- so a row can never point at another tenant's row whatever the application does.

-- Trusted extension (PostgreSQL 13+): a database owner may create it. It backs the text search indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tenants (
    tenant_id   varchar(64)  NOT NULL,
    name        varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL,
    CONSTRAINT tenants_pkey PRIMARY KEY (tenant_id)
);

CREATE INDEX tenants_name_trgm ON tenants USING gin (lower(name) gin_trgm_ops);

CREATE TABLE sites (
    id           uuid         NOT NULL,
    tenant_id    varchar(64)  NOT NULL REFERENCES tenants (tenant_id),
    name         varchar(200) NOT NULL,
    street       varchar(200),
    postal_code  varchar(20),
    city         varchar(100) NOT NULL,
    region       varchar(100),
    country      char(2)      NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    latitude     numeric(8, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude    numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    time_zone    varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL,
    CONSTRAINT sites_pkey PRIMARY KEY (id),
    -- Target of the devices' composite foreign key.
    CONSTRAINT sites_tenant_id_key UNIQUE (tenant_id, id),
    CONSTRAINT sites_name_key UNIQUE (tenant_id, name),
    CONSTRAINT sites_coordinates_check CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE INDEX sites_tenant_order_idx ON sites (tenant_id, created_at, id);
CREATE INDEX sites_tenant_country_idx ON sites (tenant_id, country);
CREATE INDEX sites_name_trgm ON sites USING gin (lower(name) gin_trgm_ops);

CREATE TABLE devices (
    id                uuid         NOT NULL,
    tenant_id         varchar(64)  NOT NULL,
    site_id           uuid         NOT NULL,
    name              varchar(200) NOT NULL,
    kind              varchar(20)  NOT NULL CHECK (kind IN ('CHARGER', 'BARRIER', 'PARKING_LOCK')),
    vendor            varchar(100) NOT NULL,
    model             varchar(100) NOT NULL,
    serial_number     varchar(100),
    protocol          varchar(20)  NOT NULL
        CHECK (protocol IN ('OCPP_1_6', 'OCPP_2_0_1', 'OCPP_2_1', 'YKC', 'VENDOR_MQTT', 'VENDOR_CLOUD')),
    firmware_version  varchar(100),
    -- The canonical device id: OCPP station id in the connection URL, YKC pile code, MQTT topic level.
    identity          varchar(128) NOT NULL,
    status            varchar(10)  NOT NULL CHECK (status IN ('ENABLED', 'BLOCKED')),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL,
    CONSTRAINT devices_pkey PRIMARY KEY (id),
    CONSTRAINT devices_tenant_id_key UNIQUE (tenant_id, id),
    -- Unique per platform: an adapter resolves a connecting station by this value alone.
    CONSTRAINT devices_identity_key UNIQUE (identity),
    CONSTRAINT devices_serial_key UNIQUE (tenant_id, vendor, serial_number),
    CONSTRAINT devices_site_fkey FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id)
);

CREATE INDEX devices_tenant_order_idx ON devices (tenant_id, created_at, id);
CREATE INDEX devices_tenant_site_idx ON devices (tenant_id, site_id);
CREATE INDEX devices_tenant_kind_idx ON devices (tenant_id, kind);
CREATE INDEX devices_tenant_protocol_idx ON devices (tenant_id, protocol);
CREATE INDEX devices_tenant_vendor_idx ON devices (tenant_id, vendor);
CREATE INDEX devices_tenant_status_idx ON devices (tenant_id, status);
CREATE INDEX devices_name_trgm ON devices USING gin (lower(name) gin_trgm_ops);
CREATE INDEX devices_identity_trgm ON devices USING gin (lower(identity) gin_trgm_ops);

CREATE TABLE evses (
    id           uuid        NOT NULL,
    tenant_id    varchar(64) NOT NULL,
    device_id    uuid        NOT NULL,
    evse_number  integer     NOT NULL CHECK (evse_number >= 1),
    CONSTRAINT evses_pkey PRIMARY KEY (id),
    CONSTRAINT evses_tenant_id_key UNIQUE (tenant_id, id),
    CONSTRAINT evses_number_key UNIQUE (device_id, evse_number),
    CONSTRAINT evses_device_fkey FOREIGN KEY (tenant_id, device_id)
        REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX evses_tenant_device_idx ON evses (tenant_id, device_id);

CREATE TABLE connectors (
    id                uuid        NOT NULL,
    tenant_id         varchar(64) NOT NULL,
    device_id         uuid        NOT NULL,
    evse_id           uuid        NOT NULL,
    connector_number  integer     NOT NULL CHECK (connector_number >= 1),
    connector_type    varchar(20) NOT NULL,
    power_type        varchar(12) NOT NULL CHECK (power_type IN ('AC_1_PHASE', 'AC_3_PHASE', 'DC')),
    max_power_w       integer     NOT NULL CHECK (max_power_w > 0),
    CONSTRAINT connectors_pkey PRIMARY KEY (id),
    CONSTRAINT connectors_number_key UNIQUE (evse_id, connector_number),
    CONSTRAINT connectors_evse_fkey FOREIGN KEY (tenant_id, evse_id)
        REFERENCES evses (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX connectors_tenant_device_idx ON connectors (tenant_id, device_id);
