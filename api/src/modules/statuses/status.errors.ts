import { AppError } from '../../graphql/errors';

export enum StatusErrorCode {
  STATUS_KEY_TAKEN = 'STATUS_KEY_TAKEN',
  STATUS_IN_USE = 'STATUS_IN_USE',
  STATUS_IS_DEFAULT = 'STATUS_IS_DEFAULT',
  LAST_STATUS = 'LAST_STATUS',
}

export class StatusKeyTakenError extends AppError {
  constructor(key: string) {
    super(StatusErrorCode.STATUS_KEY_TAKEN, `Another status already has the key "${key}"`, {
      fields: [{ field: 'key', message: 'is already used by another status' }],
      details: { key },
      httpStatus: 409,
    });
  }
}

export class StatusInUseError extends AppError {
  constructor(key: string, leadCount: number) {
    super(StatusErrorCode.STATUS_IN_USE, `${leadCount} lead(s) have the status "${key}": say which status they move to`, {
      fields: [{ field: 'moveLeadsTo', message: 'is required while leads have this status' }],
      details: { key, leadCount },
      httpStatus: 409,
    });
  }
}

export class StatusIsDefaultError extends AppError {
  constructor(key: string) {
    super(StatusErrorCode.STATUS_IS_DEFAULT, `"${key}" is the default status: make another status the default first`, {
      fields: [{ field: 'id', message: 'is the default status' }],
      details: { key },
      httpStatus: 409,
    });
  }
}

export class LastStatusError extends AppError {
  constructor() {
    super(StatusErrorCode.LAST_STATUS, 'A tenant needs at least one lead status', {
      fields: [{ field: 'id', message: 'is the only status' }],
      httpStatus: 409,
    });
  }
}
