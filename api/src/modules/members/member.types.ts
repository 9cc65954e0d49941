import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import { selectList, type FieldColumns } from '../../db/columns';

export enum MemberStatus {
  active = 'active',
  invited = 'invited',
  deactivated = 'deactivated',
}
registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: 'active: may use the tenant; invited: has not accepted yet; deactivated: refused until reactivated.',
});

@ObjectType('Member', { description: 'A user as a member of the current tenant.' })
export class MemberType {
  @Field(() => ID, { simple: true }) id!: string;
  /** Another person's address: for members of the tenant only (not API keys), wherever a Member appears. */
  @Authorized<Role>('member')
  @Field()
  email!: string;
  @Field({ simple: true }) name!: string;
  @Field(() => MemberStatus, { simple: true }) status!: MemberStatus;
  // roles: a field resolver (member.resolver.ts), one statement for every member of a response.
}

@ObjectType('MemberInvitation', { description: 'Shown once: only a hash of the setup token is stored.' })
export class MemberInvitationType {
  @Field(() => MemberType) member!: MemberType;
  @Field({ description: 'One-time secret for acceptInvitation; send it to the invitee over a private channel.' }) setupToken!: string;
  @Field({ description: 'Where the invitee accepts (the token travels in the URL fragment, never to a server log).' }) setupUrl!: string;
  @Field() expiresAt!: Date;
}

@ObjectType('InvitationAccepted', { description: 'The invitation was accepted: sign in to the tenant with login.' })
export class InvitationAcceptedType {
  @Field() email!: string;
  @Field() tenantSlug!: string;
  @Field() tenantName!: string;
  @Field({ description: 'False when the account already had a password: it keeps it, and the one given was not used.' })
  passwordSet!: boolean;
}

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  status: MemberStatus;
}

/**
 * Members come from the tenant schema's `members` view: only this tenant's memberships are visible. The view's column
 * of each MemberRow field: the member reads here, and the owner joined into a lead page (lead.types.ts).
 */
export const MEMBER_FIELDS: FieldColumns<MemberRow> = { id: 'user_id', email: 'email', name: 'name', status: 'status' };
export const MEMBER_COLUMNS = selectList(MEMBER_FIELDS);
