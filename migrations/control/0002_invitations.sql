-- Invitations to join a tenant. The setup token is shown once to the inviter and stored only as its SHA-256:
-- a leaked table lets nobody accept anything. One row per token; a token is used at most once.
-- The membership (status 'invited') is created with the invitation; accepting activates it.

create table control.invitations (
  token_hash  bytea primary key,
  tenant_id   uuid not null,
  user_id     uuid not null,
  -- Who invited (kept as history: removing that user must not erase the invitation's record).
  created_by  uuid references control.users (id) on delete set null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz,
  -- An invitation is always for an existing membership, and goes with it.
  foreign key (tenant_id, user_id) references control.memberships (tenant_id, user_id) on delete cascade
);
create index invitations_membership_idx on control.invitations (tenant_id, user_id);
