-- The user a platform operation changed (platform.users.disable / .enable); null for tenant operations.
-- No foreign key, as for actor_id: history outlives the user.
alter table control.platform_audit add column subject_user_id uuid;
create index platform_audit_subject_idx on control.platform_audit (subject_user_id, id desc) where subject_user_id is not null;
