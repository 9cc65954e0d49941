import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { isoTimestampSql } from '../../graphql/date-time';
import { ALL_JOINS, JOINED, LEAD_READ_COLUMNS, joinedColumns, type JoinedAlias, type LeadJoins } from './lead.types';

/**
 * The columns a page of leads needs for the fields a client selected on its nodes: a page of `id name status { label }`
 * reads and parses 3 columns per row, not 17 (the tags array, the custom JSON and three timestamps included).
 *
 * Each Lead field names what its value or its resolver reads from the row. A field this table does not know, a
 * fragment it cannot find, anything unexpected: the whole row (LEAD_READ_COLUMNS), so a field added to Lead later is
 * never answered from a missing column. @skip/@include are ignored (the columns are a superset).
 */
const NEEDS: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  name: ['l.name'],
  company: ['l.company'],
  email: ['l.email'],
  phone: ['l.phone'],
  source: ['l.source'],
  value: ['l.value::float8 as value'],
  currency: ['l.currency'],
  tags: ['l.tags'],
  createdAt: [`${isoTimestampSql('l.created_at')} as "createdAt"`],
  updatedAt: [`${isoTimestampSql('l.updated_at')} as "updatedAt"`],
  deletedAt: [`${isoTimestampSql('l.deleted_at')} as "deletedAt"`],
  // Resolved by LeadFieldsResolver from these:
  // With LEAD_JOINS.status / .owner, and the columns of the relation's fields the selection asks for (relationColumns):
  status: ['l.status_id as "statusId"'],
  owner: ['l.owner_id as "ownerId"'],
  createdBy: ['l.created_by as "createdById"'],
  team: ['l.team_id as "teamId"'],
  customFields: ['l.custom'],
  activityCount: [],
  latestActivity: [],
  activities: [],
};
const ORDER = Object.keys(NEEDS);

export interface Projection {
  columns: string;
  /** The relations the columns read from (LEAD_JOINS): the status and owner fields need theirs. */
  joins: LeadJoins;
  /** Every column of LEAD_READ_COLUMNS: the rows can stand for the lead anywhere (e.g. primed into leadById). */
  full: boolean;
}

/** The whole row: what a page reads when nothing better is known. */
export const FULL_ROW: Projection = { columns: LEAD_READ_COLUMNS, joins: ALL_JOINS, full: true };
const cache = new WeakMap<FieldNode, Projection>();

/** The projection for the nodes of a `leads` connection field (`edges { node { … } }`). */
export function pageProjection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Projection {
  const first = info.fieldNodes[0];
  if (!first || info.fieldNodes.length !== 1) return FULL_ROW; // the same field merged from several places: keep it simple
  let hit = cache.get(first);
  if (!hit) {
    hit = plan(first, info.fragments);
    cache.set(first, hit); // field nodes belong to a parsed document, which Apollo caches: one plan per document
  }
  return hit;
}

function plan(field: FieldNode, fragments: Record<string, FragmentDefinitionNode>): Projection {
  const names = new Set<string>();
  const related = { status: new Set<string>(), owner: new Set<string>() };
  try {
    for (const edges of fieldsNamed(field.selectionSet, 'edges', fragments)) {
      for (const node of fieldsNamed(edges.selectionSet, 'node', fragments)) {
        for (const f of fieldsNamed(node.selectionSet, null, fragments)) {
          const name = f.name.value;
          names.add(name);
          if (name === 'status' || name === 'owner') for (const g of fieldsNamed(f.selectionSet, null, fragments)) related[name].add(g.name.value);
        }
      }
    }
  } catch {
    return FULL_ROW;
  }
  if ([...names].some((n) => !Object.hasOwn(NEEDS, n))) return FULL_ROW;
  const columns = ['l.id', ...ORDER.filter((n) => names.has(n)).flatMap((n) => NEEDS[n]!)];
  if (names.has('status')) columns.push(relationColumns('s', related.status));
  if (names.has('owner')) columns.push(relationColumns('m', related.owner));
  return { columns: columns.join(', '), joins: { status: names.has('status'), owner: names.has('owner') }, full: false };
}

/**
 * The joined relation's id and the fields selected on it (`status { label }`: id and label); every field when one of
 * them is not a plain column (a field resolver such as LeadStatus.allowedTransitions or Member.roles, or one added later).
 */
function relationColumns(alias: JoinedAlias, selected: Set<string>): string {
  selected.delete('__typename');
  if ([...selected].some((f) => !Object.hasOwn(JOINED[alias], f))) return joinedColumns(alias);
  return joinedColumns(alias, ['id', ...[...selected].filter((f) => f !== 'id')]);
}

/** Fields of a selection set (through inline fragments and fragment spreads), all of them or those of one name. */
function fieldsNamed(set: SelectionSetNode | undefined, name: string | null, fragments: Record<string, FragmentDefinitionNode>, depth = 0): FieldNode[] {
  if (!set) return [];
  if (depth > 20) throw new Error('fragments nested too deep');
  const out: FieldNode[] = [];
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      if (name === null || sel.name.value === name) out.push(sel);
    } else if (sel.kind === 'InlineFragment') {
      out.push(...fieldsNamed(sel.selectionSet, name, fragments, depth + 1));
    } else {
      const def = fragments[sel.name.value];
      if (!def) throw new Error(`unknown fragment ${sel.name.value}`);
      out.push(...fieldsNamed(def.selectionSet, name, fragments, depth + 1));
    }
  }
  return out;
}
