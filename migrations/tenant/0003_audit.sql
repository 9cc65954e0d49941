-- Tenant schema, version 3: the audit log and the tenant's settings (its audit retention, for now).

-- Who did what, when, from where. Written in the transaction of the mutation it records (ADR 0003), so an entry
-- exists exactly when its mutation committed. `changes` holds only the keys that changed:
-- { "<field>": { "before": <value>, "after": <value> } }; `args` the mutation's arguments without secrets.
create table audit_log (
  id          uuid primary key default gen_random_uuid(),
  -- clock_timestamp, not now(): entries written by one transaction keep the order they were written in.
  at          timestamptz not null default clock_timestamp(),
  actor_id    uuid,
  api_key_id  uuid,
  action      text not null check (length(action) between 1 and 100),
  target_type text check (length(target_type) <= 100),
  target_id   text check (length(target_id) <= 200),
  changes     jsonb check (changes is null or jsonb_typeof(changes) = 'object'),
  args        jsonb check (args is null or jsonb_typeof(args) = 'object'),
  client_ip   inet,
  user_agent  text check (length(user_agent) <= 500),
  request_id  text check (length(request_id) <= 100)
);
-- Keyset order is (at, id) descending; btree indexes are read backwards for it.
create index audit_log_at_idx on audit_log (at, id);
create index audit_log_actor_idx on audit_log (actor_id, at, id) where actor_id is not null;
create index audit_log_action_idx on audit_log (action text_pattern_ops, at, id);
create index audit_log_target_idx on audit_log (target_id, at, id) where target_id is not null;
create index audit_log_target_type_idx on audit_log (target_type, at, id) where target_type is not null;

-- Append-only for the tenant's own role: the default privileges granted it update; an audit entry is never edited.
-- (Delete stays: the retention job removes old entries through the same door.)
do $$
declare tenant_role text;
begin
  select db_role into tenant_role from control.tenants where id = '{{tenant_id}}'::uuid;
  if tenant_role is not null then
    execute format('revoke update, truncate on audit_log from %I', tenant_role);
  end if;
end $$;

-- One row per tenant: the key column can only be true.
create table tenant_settings (
  id                   boolean primary key default true check (id),
  audit_retention_days integer not null default 365 check (audit_retention_days between 1 and 3650),
  updated_at           timestamptz not null default now()
);
insert into tenant_settings default values;
