-- Tenant schema, version 2: the pipeline. Custom fields (the tenant's form), teams, activities, search.

create table custom_field_definitions (
  id         uuid primary key default gen_random_uuid(),
  key        text not null unique check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label      text not null check (length(label) between 1 and 100),
  type       text not null check (type in ('text', 'number', 'date', 'select', 'multiselect', 'boolean', 'email', 'phone', 'url')),
  required   boolean not null default false,
  options    jsonb not null default '[]' check (jsonb_typeof(options) = 'array'),
  min        numeric,
  max        numeric,
  pattern    text,
  position   integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table teams (
  id         uuid primary key default gen_random_uuid(),
  name       text not null unique check (length(name) between 1 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table team_members (
  team_id    uuid not null references teams (id) on delete cascade,
  user_id    uuid not null,
  created_at timestamptz not null default now(),
  primary key (team_id, user_id)
);
create index team_members_user_idx on team_members (user_id);

alter table leads add column team_id uuid references teams (id) on delete set null;
alter table leads add constraint leads_currency_check check (currency is null or currency ~ '^[A-Z]{3}$');
alter table leads add constraint leads_value_check check (value is null or value >= 0);
alter table leads add column search tsvector generated always as (
  to_tsvector('simple',
    coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(email, '') || ' ' ||
    coalesce(phone, '') || ' ' || regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'))
) stored;

create index leads_search_idx on leads using gin (search);
create index leads_tags_idx on leads using gin (tags);
create index leads_custom_idx on leads using gin (custom jsonb_path_ops);
create index leads_team_idx on leads (team_id) where deleted_at is null;
create index leads_updated_idx on leads (updated_at, id);
create index leads_value_idx on leads (value, id);
create index leads_name_idx on leads (lower(name), id);
create index leads_source_idx on leads (source) where deleted_at is null;

create table lead_activities (
  id         uuid primary key default gen_random_uuid(),
  lead_id    uuid not null references leads (id) on delete cascade,
  kind       text not null check (kind in ('created', 'note', 'call', 'email', 'status_change', 'assignment', 'field_change', 'deleted', 'restored')),
  actor_id   uuid,
  body       text check (body is null or length(body) <= 10000),
  data       jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index lead_activities_lead_idx on lead_activities (lead_id, created_at desc, id desc);
