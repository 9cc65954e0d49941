-- Tenant schema, version 1. Runs with search_path set (transaction-locally) to the tenant's schema only:
-- every name below is unqualified on purpose and lands in that schema.
-- {{tenant_id}} is replaced by the migrator with the tenant's validated uuid.

-- This tenant's members, read through a view owned by the migrator: the tenant's database role can
-- read its own members here without any privilege on control.* (the second wall).
create view members with (security_barrier) as
  select u.id as user_id, u.email, u.name, m.status, m.created_at
    from control.memberships m
    join control.users u on u.id = m.user_id
   where m.tenant_id = '{{tenant_id}}'::uuid;

create table roles (
  id          uuid primary key default gen_random_uuid(),
  key         text not null unique check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name        text not null check (length(name) between 1 and 100),
  description text,
  permissions text[] not null default '{}',
  is_system   boolean not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table member_roles (
  user_id    uuid not null,
  role_id    uuid not null references roles (id) on delete restrict,
  created_at timestamptz not null default now(),
  primary key (user_id, role_id)
);

create table lead_statuses (
  id            uuid primary key default gen_random_uuid(),
  key           text not null unique check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label         text not null check (length(label) between 1 and 100),
  position      integer not null,
  color         text not null default '#64748b' check (color ~ '^#[0-9a-fA-F]{6}$'),
  terminal_kind text not null default 'open' check (terminal_kind in ('open', 'won', 'lost')),
  is_default    boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create unique index lead_statuses_one_default on lead_statuses (is_default) where is_default;

create table lead_status_transitions (
  from_status_id uuid not null references lead_statuses (id) on delete cascade,
  to_status_id   uuid not null references lead_statuses (id) on delete cascade,
  primary key (from_status_id, to_status_id),
  check (from_status_id <> to_status_id)
);

create table leads (
  id          uuid primary key default gen_random_uuid(),
  name        text not null check (length(name) between 1 and 200),
  company     text,
  email       text,
  phone       text,
  source      text,
  value       numeric(14, 2),
  currency    char(3),
  status_id   uuid not null references lead_statuses (id),
  owner_id    uuid,
  tags        text[] not null default '{}',
  custom      jsonb not null default '{}',
  created_by  uuid,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  deleted_at  timestamptz
);
create index leads_status_idx on leads (status_id) where deleted_at is null;
create index leads_owner_idx on leads (owner_id) where deleted_at is null;
create index leads_created_idx on leads (created_at, id);
