-- Platform audit: what platform administrators did across tenants (cross-tenant reads, suspensions).
-- One row per operation, written before the operation touches anything: no row, no read.
-- Tenant audit logs live in each tenant's schema; this one is the platform's own and stays in control.

create table control.platform_audit (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  -- No foreign key: removing a user must not rewrite (or erase) what they did.
  actor_id    uuid,
  action      text not null check (action ~ '^[a-z]+(\.[a-z_]+)+$'),
  -- Every tenant the operation disclosed or changed, in the order it did; '{}' when it named none.
  tenant_ids  uuid[] not null default '{}',
  reason      text check (reason is null or length(reason) <= 1000),
  client_ip   text,
  user_agent  text,
  request_id  text
);
create index platform_audit_tenants_idx on control.platform_audit using gin (tenant_ids);
create index platform_audit_actor_idx on control.platform_audit (actor_id, id desc);

-- Append-only: no code path can edit or delete history by mistake. Retention, when it comes, is a migration.
create function control.platform_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'control.platform_audit is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger platform_audit_append_only before update or delete on control.platform_audit
  for each row execute function control.platform_audit_append_only();
