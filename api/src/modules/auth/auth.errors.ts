import { AppError } from '../../graphql/errors';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  LOGIN_THROTTLED = 'LOGIN_THROTTLED',
  NOT_A_MEMBER = 'NOT_A_MEMBER',
}

const STATUS: Record<AuthErrorCode, number> = {
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  NOT_A_MEMBER: 403,
};

export class AuthError extends AppError {
  constructor(code: AuthErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, { details, httpStatus: STATUS[code] });
  }
}
