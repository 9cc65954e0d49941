import { AppError } from '../../graphql/errors';

export enum MemberErrorCode {
  MEMBER_EXISTS = 'MEMBER_EXISTS',
  /** Unknown, already used, revoked (the member was deactivated), or for a disabled account. */
  INVITATION_INVALID = 'INVITATION_INVALID',
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
}

export class MemberExistsError extends AppError {
  constructor(email: string, status: string) {
    const hint = status === 'deactivated' ? ': reactivate them instead' : '';
    super(MemberErrorCode.MEMBER_EXISTS, `${email} is already a member of this tenant (${status})${hint}`, {
      fields: [{ field: 'email', message: `is already a ${status} member` }],
      details: { status },
      httpStatus: 409,
    });
  }
}

export class InvitationError extends AppError {
  constructor(code: MemberErrorCode.INVITATION_INVALID | MemberErrorCode.INVITATION_EXPIRED) {
    const message =
      code === MemberErrorCode.INVITATION_EXPIRED
        ? 'This invitation has expired: ask for a new one'
        : 'This invitation is not valid (already used, revoked or unknown)';
    super(code, message, { httpStatus: 400 });
  }
}
