import { AppError } from '../../graphql/errors';

export enum RoleErrorCode {
  ROLE_KEY_TAKEN = 'ROLE_KEY_TAKEN',
  ROLE_IN_USE = 'ROLE_IN_USE',
  ROLE_IS_SYSTEM = 'ROLE_IS_SYSTEM',
  /** The change would leave the tenant without an active member holding the admin role. */
  LAST_ADMIN = 'LAST_ADMIN',
  /** A FORBIDDEN refusal: the caller would grant or assign permissions they do not hold themselves. */
  PERMISSION_ESCALATION = 'PERMISSION_ESCALATION',
}

export class RoleKeyTakenError extends AppError {
  constructor(key: string) {
    super(RoleErrorCode.ROLE_KEY_TAKEN, `Another role already has the key "${key}"`, {
      fields: [{ field: 'key', message: 'is already used by another role' }],
      details: { key },
      httpStatus: 409,
    });
  }
}

export class RoleInUseError extends AppError {
  constructor(key: string, memberCount: number) {
    super(RoleErrorCode.ROLE_IN_USE, `${memberCount} member(s) hold the role "${key}": say which role they move to`, {
      fields: [{ field: 'moveMembersTo', message: 'is required while members hold this role' }],
      details: { key, memberCount },
      httpStatus: 409,
    });
  }
}

export class RoleIsSystemError extends AppError {
  constructor(key: string) {
    super(RoleErrorCode.ROLE_IS_SYSTEM, `"${key}" is a system role and cannot be deleted`, {
      fields: [{ field: 'id', message: 'is a system role' }],
      details: { key },
      httpStatus: 409,
    });
  }
}

export class LastAdminError extends AppError {
  constructor(message: string, userIds: string[] = []) {
    super(RoleErrorCode.LAST_ADMIN, message, { details: { userIds }, httpStatus: 409 });
  }
}

/** A refusal like FORBIDDEN (HTTP 403), with its own code; `missing` lists what the caller would hand out without holding it. */
export class PermissionEscalationError extends AppError {
  constructor(missing: string[]) {
    super(RoleErrorCode.PERMISSION_ESCALATION, `You cannot grant permissions you do not hold: ${missing.join(', ')}`, {
      details: { missing },
      httpStatus: 403,
    });
  }
}
