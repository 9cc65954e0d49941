import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { selectList, type FieldColumns } from '../../db/columns';

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

/** The lead_statuses column of each StatusRow field: the status reads here, and the status joined into a lead page (lead.types.ts). */
export const STATUS_FIELDS: FieldColumns<StatusRow> = {
  id: 'id',
  key: 'key',
  label: 'label',
  position: 'position',
  color: 'color',
  kind: 'terminal_kind',
  isDefault: 'is_default',
};
export const STATUS_COLUMNS = selectList(STATUS_FIELDS);
