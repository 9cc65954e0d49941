import { AppError } from '../../graphql/errors';

export enum CustomFieldErrorCode {
  FIELD_KEY_TAKEN = 'FIELD_KEY_TAKEN',
  FIELD_TYPE_LOCKED = 'FIELD_TYPE_LOCKED',
}

export class FieldKeyTakenError extends AppError {
  constructor(key: string) {
    super(CustomFieldErrorCode.FIELD_KEY_TAKEN, `Another custom field already has the key "${key}"`, {
      fields: [{ field: 'key', message: 'is already used by another custom field' }],
      details: { key },
      httpStatus: 409,
    });
  }
}

export class FieldTypeLockedError extends AppError {
  constructor(key: string, reason: string) {
    super(CustomFieldErrorCode.FIELD_TYPE_LOCKED, `The type of "${key}" cannot change: ${reason}`, {
      fields: [{ field: 'type', message: reason }],
      details: { key },
      httpStatus: 409,
    });
  }
}
