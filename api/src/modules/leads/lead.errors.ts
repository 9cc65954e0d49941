import { AppError } from '../../graphql/errors';

export enum LeadErrorCode {
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  LEAD_DELETED = 'LEAD_DELETED',
}

export class TransitionNotAllowedError extends AppError {
  constructor(from: string, to: string) {
    super(LeadErrorCode.TRANSITION_NOT_ALLOWED, `The workflow does not allow moving a lead from "${from}" to "${to}"`, {
      details: { from, to },
      httpStatus: 409,
    });
  }
}

export class LeadDeletedError extends AppError {
  constructor() {
    super(LeadErrorCode.LEAD_DELETED, 'The lead is deleted; restore it first', { httpStatus: 409 });
  }
}
