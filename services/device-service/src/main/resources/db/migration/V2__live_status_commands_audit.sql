-- Live status history, commands sent through the capability API, and the audit log of those commands.

-- One row per status change a device reported (online/offline, connector status), keyed by the event that
-- carried it, so that a re-delivered event cannot add a second row.
CREATE TABLE device_status_history (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    event_id     varchar(200) NOT NULL,
    tenant_id    varchar(64)  NOT NULL,
    device_id    uuid         NOT NULL,
    change_kind  varchar(16)  NOT NULL CHECK (change_kind IN ('PRESENCE', 'CONNECTOR')),
    online       boolean,
    adapter      varchar(128),
    reason       varchar(64),
    evse         integer,
    connector    integer,
    status       varchar(32),
    error_code   varchar(64),
    occurred_at  timestamptz  NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    CONSTRAINT device_status_history_pkey PRIMARY KEY (id),
    CONSTRAINT device_status_history_event_key UNIQUE (event_id),
    CONSTRAINT device_status_history_device_fkey FOREIGN KEY (tenant_id, device_id)
        REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX device_status_history_device_idx ON device_status_history (tenant_id, device_id, occurred_at DESC, id DESC);

-- A command is kept after its device is deleted (no foreign key): it is part of what an operator did.
CREATE TABLE device_commands (
    id               uuid         NOT NULL,
    tenant_id        varchar(64)  NOT NULL,
    device_id        uuid         NOT NULL,
    device_identity  varchar(128) NOT NULL,
    capability       varchar(32)  NOT NULL,
    idempotency_key  varchar(128) NOT NULL,
    requested_by     varchar(200) NOT NULL,
    payload          text         NOT NULL,
    status           varchar(16)  NOT NULL
        CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'FAILED', 'TIMEOUT', 'NOT_SUPPORTED', 'DEVICE_OFFLINE')),
    reason_code      varchar(64),
    detail           text,
    requested_at     timestamptz  NOT NULL,
    deadline         timestamptz  NOT NULL,
    completed_at     timestamptz,
    CONSTRAINT device_commands_pkey PRIMARY KEY (id)
);

CREATE INDEX device_commands_device_idx ON device_commands (tenant_id, device_id, requested_at DESC);

-- Append-only: every command attempt and every result that arrives, with who asked and a digest of the payload.
CREATE TABLE audit_log (
    id               uuid         NOT NULL,
    tenant_id        varchar(64)  NOT NULL,
    actor            varchar(200) NOT NULL,
    action           varchar(32)  NOT NULL,
    device_id        uuid         NOT NULL,
    device_identity  varchar(128) NOT NULL,
    capability       varchar(32)  NOT NULL,
    command_id       uuid,
    payload_digest   char(64)     NOT NULL,
    outcome          varchar(32)  NOT NULL,
    reason_code      varchar(64),
    occurred_at      timestamptz  NOT NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);

CREATE INDEX audit_log_tenant_time_idx ON audit_log (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_device_idx ON audit_log (tenant_id, device_id, occurred_at DESC);
