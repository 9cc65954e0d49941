import { AppError } from '../graphql/errors';

export enum TenancyErrorCode {
  TENANT_REQUIRED = 'TENANT_REQUIRED',
  TENANT_NOT_FOUND = 'TENANT_NOT_FOUND',
  TENANT_SUSPENDED = 'TENANT_SUSPENDED',
  TENANT_NOT_READY = 'TENANT_NOT_READY',
  TENANT_MISMATCH = 'TENANT_MISMATCH',
  INVALID_SLUG = 'INVALID_SLUG',
  SLUG_TAKEN = 'SLUG_TAKEN',
}

const HTTP_STATUS: Record<TenancyErrorCode, number> = {
  TENANT_REQUIRED: 400,
  TENANT_NOT_FOUND: 404,
  TENANT_SUSPENDED: 403,
  TENANT_NOT_READY: 503,
  TENANT_MISMATCH: 400,
  INVALID_SLUG: 400,
  SLUG_TAKEN: 409,
};

export class TenancyError extends AppError {
  constructor(code: TenancyErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, { details, httpStatus: HTTP_STATUS[code] });
  }
}
