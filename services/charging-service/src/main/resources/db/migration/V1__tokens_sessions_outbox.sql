-- Identification tokens per tenant (RFID cards, app tokens ...). The uid is unique within a tenant; the device
-- request path looks a token up by (tenant_id, uid) only, through the primary key.
create table id_tokens (
    tenant_id   text        not null,
    uid         text        not null,
    type        text        not null,
    owner       text,
    group_id    text,
    expires_at  timestamptz,
    blocked     boolean     not null default false,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 1,
    primary key (tenant_id, uid)
);

-- OCPP 1.6 transaction ids: platform-wide unique integers within the charger's signed 32-bit range.
create sequence ocpp_transaction_ids as integer start with 1 increment by 1 maxvalue 2147483647 no cycle;

create table transaction_assignments (
    transaction_id bigint      primary key,
    tenant_id      text        not null,
    device_id      text        not null,
    evse           integer     not null,
    connector      integer     not null,
    id_token       text        not null,
    status         text        not null,
    session_id     text,
    assigned_at    timestamptz not null
);

-- Charging sessions. The whole session is kept as one document (doc) beside the columns that queries filter on.
create table sessions (
    id             text        primary key,
    tenant_id      text        not null,
    device_id      text        not null,
    evse           integer     not null,
    connector      integer,
    state          text        not null,
    origin         text        not null,
    driver         text,
    id_token       text,
    transaction_id text,
    sequence       bigint      not null,
    created_at     timestamptz not null,
    last_news_at   timestamptz not null,
    doc            jsonb       not null
);
create unique index sessions_transaction on sessions (tenant_id, device_id, transaction_id) where transaction_id is not null;
create index sessions_driver on sessions (tenant_id, driver, created_at desc);
create index sessions_device_state on sessions (tenant_id, device_id, state);
create index sessions_tenant_created on sessions (tenant_id, created_at desc);
create index sessions_open on sessions (state, last_news_at) where state in ('STARTING', 'ACTIVE', 'STOPPING');
create unique index sessions_central_token on sessions (tenant_id, id_token) where origin <> 'LOCAL';

-- Device events already applied (CloudEvents id), written in the same transaction as their effect.
create table processed_events (
    event_id     text        primary key,
    processed_at timestamptz not null
);

-- One row per session change, written in the transaction of the change; the relay publishes them in id order.
create table outbox (
    id         bigserial   primary key,
    session_id text        not null,
    tenant_id  text        not null,
    event_id   text        not null unique,
    type       text        not null,
    payload    bytea       not null,
    created_at timestamptz not null,
    sent_at    timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;

-- The offline policy each tenant's adapters apply when charging-service cannot answer in time.
create table offline_policies (
    tenant_id       text        primary key,
    policy          text        not null,
    known_token_ttl text        not null,
    updated_at      timestamptz not null
);
