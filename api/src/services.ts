import type { Platform } from './platform';
import { SessionService } from './modules/auth/session.service';
import { AuthService } from './modules/auth/auth.service';
import { LoginThrottle } from './modules/auth/throttle';
import { TenantService } from './modules/tenants/tenant.service';
import type { JobQueue } from './jobs/queue';
import { UserService } from './modules/users/user.service';
import { LeadService } from './modules/leads/lead.service';
import { PermissionCache } from './modules/permissions/permission-cache';
import { MemberAdminService } from './modules/members/member-admin.service';
import { InvitationService } from './modules/members/invitation.service';

/** The application services, built once per process over a Platform. Resolvers reach them through the context. */
export interface Services {
  sessions: SessionService;
  auth: AuthService;
  tenants: TenantService;
  users: UserService;
  leads: LeadService;
  permissions: PermissionCache;
  members: MemberAdminService;
  invitations: InvitationService;
}

export function createServices(platform: Platform, jobs: JobQueue): Services {
  const sessions = new SessionService(platform.db, platform.authCache);
  const throttle = new LoginThrottle(platform.kv, platform.config.redis.prefix, platform.config.throttle);
  const auth = new AuthService(platform, throttle);
  const tenants = new TenantService(platform, jobs);
  const permissions = new PermissionCache(platform.kv, platform.bus, platform.config.redis.prefix, platform.authCache);
  return { sessions, auth, tenants, users: new UserService(platform.db), leads: new LeadService(platform),
    permissions,
    members: new MemberAdminService(platform.db, permissions),
    invitations: new InvitationService(platform, permissions),
  };
}
