import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TerminalKind {
  open = 'open',
  won = 'won',
  lost = 'lost',
}
registerEnumType(TerminalKind, { name: 'StatusKind', description: 'open: still in play; won / lost: closed.' });

@ObjectType('LeadStatus', { simpleResolvers: true })
export class LeadStatusType {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int) position!: number;
  @Field() color!: string;
  @Field(() => TerminalKind) kind!: TerminalKind;
  @Field() isDefault!: boolean;
}

@ObjectType('LeadStatusTransition')
export class LeadStatusTransitionType {
  @Field(() => ID) fromStatusId!: string;
  @Field(() => ID) toStatusId!: string;
}

export interface StatusRow {
  id: string;
  key: string;
  label: string;
  position: number;
  color: string;
  kind: TerminalKind;
  isDefault: boolean;
}

export const STATUS_COLUMNS = `id, key, label, position, color, terminal_kind as kind, is_default as "isDefault"`;
