import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Team', { description: 'A named group of members, for group-based assignment and filtering.' })
export class TeamType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() createdAt!: Date;
}

export interface TeamRow {
  id: string;
  name: string;
  createdAt: Date;
}

export const TEAM_COLUMNS = `id, name, created_at as "createdAt"`;
