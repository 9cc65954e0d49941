import { AppError } from '../../graphql/errors';

export enum TeamErrorCode {
  TEAM_NAME_TAKEN = 'TEAM_NAME_TAKEN',
}

export class TeamNameTakenError extends AppError {
  constructor(name: string) {
    super(TeamErrorCode.TEAM_NAME_TAKEN, `Another team is already called "${name}"`, {
      fields: [{ field: 'name', message: 'is already used by another team' }],
      details: { name },
      httpStatus: 409,
    });
  }
}
