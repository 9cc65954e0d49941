import { AppError } from '../../graphql/errors';

export enum AuditErrorCode {
  AUDIT_RETENTION_OUT_OF_RANGE = 'AUDIT_RETENTION_OUT_OF_RANGE',
}

export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;

export class RetentionOutOfRangeError extends AppError {
  constructor(days: number) {
    super(AuditErrorCode.AUDIT_RETENTION_OUT_OF_RANGE, `Audit retention must be ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS} days (got ${days})`, {
      fields: [{ field: 'days', message: `must be between ${RETENTION_MIN_DAYS} and ${RETENTION_MAX_DAYS}` }],
      details: { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS },
      httpStatus: 400,
    });
  }
}
