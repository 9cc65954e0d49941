import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Member', { description: 'A user as a member of the current tenant.' })
export class MemberType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field() status!: string;
}

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  status: string;
}

/** Members come from the tenant schema's `members` view: only this tenant's memberships are visible. */
export const MEMBER_COLUMNS = `user_id as id, email, name, status`;
