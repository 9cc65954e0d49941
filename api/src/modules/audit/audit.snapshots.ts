import { tenantDb } from '../../tenancy/context';
import { LEAD_COLUMNS } from '../leads/lead.types';
import { isUuid } from '../../tenancy/names';

/**
 * Generic before/after for mutations whose result is a record the middleware knows how to read by id: the row is
 * read (and locked, as the service is about to do) before the resolver runs and diffed with the result. One primary
 * key read, only for mutations that name an id and return one of these types. A service that reports its own
 * change with auditChange() wins over this.
 */
export interface Snapshotter {
  /** Names of the arguments that carry the target's id, in order of preference. */
  idArgs: readonly string[];
  load(id: string): Promise<Record<string, unknown> | null>;
  /** Keys that change on every write and say nothing. */
  ignore: readonly string[];
}


export const SNAPSHOTTERS: Readonly<Record<string, Snapshotter>> = {
  Lead: {
    idArgs: ['id', 'leadId'],
    // FOR UPDATE: a write committed by someone else between this read and the service's own locking read would
    // otherwise be attributed to this mutation.
    load: async (id) =>
      isUuid(id) ? tenantDb().one<Record<string, unknown>>(`select ${LEAD_COLUMNS} from leads l where l.id = $1 for update`, [id]) : null,
    ignore: ['updatedAt', 'createdAt'],
  },
};

/** The id a mutation names in its arguments (`id`, or a snapshotter's own id argument). */
export function namedId(args: Record<string, unknown>, names: readonly string[] = ['id']): string | null {
  for (const name of names) {
    const v = args[name];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}
