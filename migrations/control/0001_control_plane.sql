-- Control plane: tenants, users, memberships, sessions, API keys and the tenant-migration ledger.
-- Everything is schema-qualified; no tenant data ever lives here.

create table control.tenants (
  id                 uuid primary key default gen_random_uuid(),
  slug               text not null unique,
  name               text not null check (length(name) between 1 and 200),
  schema_name        text not null unique check (schema_name ~ '^t_[a-z][a-z0-9_]{1,39}$'),
  db_role            text not null unique,
  status             text not null default 'provisioning'
                     check (status in ('provisioning', 'active', 'suspended', 'failed', 'deleted')),
  schema_version     integer not null default 0,
  provision_attempts integer not null default 0,
  failure_reason     text,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  activated_at       timestamptz,
  suspended_at       timestamptz,
  deleted_at         timestamptz
);
create index tenants_status_idx on control.tenants (status);

create table control.users (
  id                uuid primary key default gen_random_uuid(),
  email             text not null,
  password_hash     text,
  name              text not null check (length(name) between 1 and 200),
  is_platform_admin boolean not null default false,
  disabled_at       timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create unique index users_email_key on control.users (lower(email));

create table control.memberships (
  tenant_id  uuid not null references control.tenants (id) on delete cascade,
  user_id    uuid not null references control.users (id) on delete cascade,
  status     text not null default 'active' check (status in ('active', 'invited', 'deactivated')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index memberships_user_idx on control.memberships (user_id);

-- A login session (the `sid` claim). Refresh tokens rotate inside it; reuse of a rotated token revokes it.
create table control.sessions (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references control.users (id) on delete cascade,
  tenant_id    uuid references control.tenants (id) on delete set null,
  client_ip    text,
  user_agent   text,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at   timestamptz not null,
  revoked_at   timestamptz,
  revoked_reason text
);
create index sessions_user_idx on control.sessions (user_id);

create table control.refresh_tokens (
  token_hash  bytea primary key,
  session_id  uuid not null references control.sessions (id) on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index refresh_tokens_session_idx on control.refresh_tokens (session_id);

-- API keys: the resolver strategy exists now; issuing keys comes with tenant administration.
create table control.api_keys (
  id          uuid primary key default gen_random_uuid(),
  tenant_id   uuid not null references control.tenants (id) on delete cascade,
  name        text not null,
  key_prefix  text not null,
  key_hash    bytea not null unique,
  created_at  timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at  timestamptz
);
create index api_keys_tenant_idx on control.api_keys (tenant_id);

-- Which tenant migrations each tenant has; control.tenants.schema_version is the fast summary.
create table control.tenant_migrations (
  tenant_id  uuid not null references control.tenants (id) on delete cascade,
  version    integer not null,
  name       text not null,
  applied_at timestamptz not null default now(),
  duration_ms integer not null,
  primary key (tenant_id, version)
);
