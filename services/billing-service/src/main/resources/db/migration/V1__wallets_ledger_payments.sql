-- Wallets and the double-entry ledger. Money is bigint minor units with a currency, never a float.

-- One row per (tenant, type, owner, currency). balance_minor is the normal-side balance (AccountType); it is
-- changed only together with the entries that explain it, inside one transaction holding the row lock.
create table accounts (
    id                 uuid primary key,
    tenant_id          text        not null,
    type               text        not null check (type in ('WALLET_AVAILABLE', 'WALLET_HELD', 'CLEARING', 'REVENUE',
                                                            'REFUNDS', 'ADJUSTMENTS')),
    owner              text        not null default '',
    currency           char(3)     not null,
    balance_minor      bigint      not null default 0,
    credit_limit_minor bigint      not null default 0 check (credit_limit_minor >= 0),
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint accounts_identity_key unique (tenant_id, type, owner, currency),
    constraint accounts_held_not_negative check (type <> 'WALLET_HELD' or balance_minor >= 0)
);

-- A posting is recorded once per business key (hold:<session>, capture:<session>, topup:<payment>, …): a repeat
-- finds the first one through this unique key and posts nothing.
create table postings (
    id           uuid primary key,
    tenant_id    text        not null,
    business_key text        not null,
    kind         text        not null,
    currency     char(3)     not null,
    amount_minor bigint      not null,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    constraint postings_business_key unique (tenant_id, business_key)
);

create table ledger_entries (
    id                  bigint generated always as identity primary key,
    posting_id          uuid        not null references postings (id),
    tenant_id           text        not null,
    account_id          uuid        not null references accounts (id),
    side                text        not null check (side in ('DEBIT', 'CREDIT')),
    amount_minor        bigint      not null check (amount_minor > 0),
    currency            char(3)     not null,
    balance_after_minor bigint      not null,
    created_at          timestamptz not null default now()
);
create index ledger_entries_account on ledger_entries (account_id, id);
create index ledger_entries_posting on ledger_entries (posting_id);

-- The ledger is append-only: a correction is a new posting, never an edit.
create function ledger_entries_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only (% refused)', tg_op;
end;
$$;
create trigger ledger_entries_append_only before update or delete on ledger_entries
    for each row execute function ledger_entries_append_only();
create trigger postings_append_only before update or delete on postings
    for each row execute function ledger_entries_append_only();

-- Pre-authorisations for charging sessions: HELD -> CAPTURED | RELEASED, once.
create table holds (
    id             uuid primary key,
    tenant_id      text        not null,
    owner          text        not null,
    session_id     text        not null,
    currency       char(3)     not null,
    amount_minor   bigint      not null check (amount_minor > 0),
    captured_minor bigint,
    refunded_minor bigint      not null default 0,
    state          text        not null check (state in ('HELD', 'CAPTURED', 'RELEASED')),
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint holds_session_key unique (tenant_id, session_id),
    constraint holds_captured_when_captured check ((state = 'CAPTURED') = (captured_minor is not null)),
    constraint holds_refund_within_capture check (refunded_minor >= 0 and refunded_minor <= coalesce(captured_minor, 0))
);
create index holds_owner on holds (tenant_id, owner);

-- Top-ups through payment channels: PENDING -> SUCCEEDED | FAILED. A wallet is credited only by the posting
-- topup:<payment id>, made when a verified notification or a query confirms success.
create table payments (
    id                uuid primary key,
    tenant_id         text        not null,
    owner             text        not null,
    channel           text        not null,
    currency          char(3)     not null,
    amount_minor      bigint      not null check (amount_minor > 0),
    state             text        not null check (state in ('PENDING', 'SUCCEEDED', 'FAILED')),
    channel_reference text,
    channel_data      jsonb       not null default '{}',
    failure_reason    text,
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index payments_owner on payments (tenant_id, owner, created_at);
