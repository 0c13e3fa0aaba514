-- Tariffs, rated sessions and receipts, and the outbox of rated-session records.

-- A tariff's identity and scope. The scope may be edited (PUT); the prices live in the versions below.
create table tariffs (
    tenant_id    text        not null,
    id           text        not null,
    name         text        not null,
    site         text,
    device       text,
    connector    integer,
    -- one tariff per scope and tenant; '' stands for "any" so the unique key also covers the tenant-wide tariff
    scope_key    text        not null,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint tariffs_scope_key unique (tenant_id, scope_key)
);

-- Versions only append: a session is rated with the version valid when it started, so a version that a session
-- could have used is never edited. body is the version as the API takes it, with its holiday calendar copied in.
create table tariff_versions (
    tenant_id   text        not null,
    tariff_id   text        not null,
    version     integer     not null,
    valid_from  timestamptz not null,
    body        jsonb       not null,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, tariff_id, version),
    foreign key (tenant_id, tariff_id) references tariffs (tenant_id, id)
);
create trigger tariff_versions_append_only before update or delete on tariff_versions
    for each row execute function ledger_entries_append_only();

create table holiday_calendars (
    tenant_id  text        not null,
    name       text        not null,
    holidays   jsonb       not null,
    workdays   jsonb       not null,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, name)
);

-- One row per completed session, written in the same transaction as its ledger posting and its outbox row: a
-- repeated or re-ordered event finds the row and changes nothing. It is also the driver's receipt.
create table rated_sessions (
    tenant_id       text        not null,
    session_id      text        not null,
    receipt_number  text        not null,
    event_id        text        not null,
    driver          text,
    site            text,
    device          text        not null,
    connector       integer,
    tariff_id       text,
    tariff_version  integer,
    started_at      timestamptz not null,
    ended_at        timestamptz not null,
    energy_mwh      bigint      not null,
    currency        char(3)     not null,
    total_minor     bigint      not null,
    paid_minor      bigint      not null,
    outstanding_minor bigint    not null,
    -- PAID, PARTIALLY_PAID, UNPAID (outstanding), UNASSIGNED (no driver), NOT_RATED (no tariff applied)
    payment_status  text        not null,
    business_key    text,
    hold_id         text,
    lines           jsonb       not null,
    buckets         jsonb       not null,
    note            text,
    rated_at        timestamptz not null default now(),
    primary key (tenant_id, session_id),
    constraint rated_sessions_receipt unique (tenant_id, receipt_number)
);
create index rated_sessions_driver on rated_sessions (tenant_id, driver, ended_at desc);
create index rated_sessions_ended on rated_sessions (tenant_id, ended_at desc);

-- A driver's energy in a billing month (the tariff's local month of the session start), for monthly tiers.
create table driver_month_energy (
    tenant_id  text   not null,
    driver     text   not null,
    month      text   not null,
    energy_mwh bigint not null default 0,
    primary key (tenant_id, driver, month)
);

-- Records to publish, written with the change they announce; the relay sends them in id order and marks them.
create table outbox (
    id           bigint generated always as identity primary key,
    topic        text        not null,
    record_key   text        not null,
    headers      jsonb       not null,
    payload      bytea       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
