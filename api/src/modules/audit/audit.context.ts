import { AsyncLocalStorage } from 'node:async_hooks';
import { diffRecords, type FieldChanges } from './audit.diff';

/** Where a request came from, as recorded on each of its entries. */
export interface AuditRequestInfo {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface RecordedChange {
  targetType: string;
  targetId: string | null;
  changes: FieldChanges | null;
}

/** One root mutation field being resolved: the request it belongs to and the precise changes services reported. */
interface AuditUnit {
  request: AuditRequestInfo;
  changes: RecordedChange[];
}

// Mutation fields run one after another, each in its own unit: a change is attributed to the field that made it.
const storage = new AsyncLocalStorage<AuditUnit>();

export function runAuditUnit<T>(request: AuditRequestInfo, fn: (unit: { changes: readonly RecordedChange[] }) => Promise<T>): Promise<T> {
  const unit: AuditUnit = { request, changes: [] };
  return storage.run(unit, () => fn(unit));
}

/** The request being served, when called under a mutation (login uses it to stamp its entries). */
export function currentAuditRequest(): AuditRequestInfo | null {
  return storage.getStore()?.request ?? null;
}

/**
 * For services: the exact before/after of what a mutation changed, merged into the mutation's audit entry (only
 * the keys that differ are kept). Without it the entry carries the generic snapshot diff, or none. Outside a
 * mutation (jobs, CLI) it does nothing: those write their own entries or none.
 */
export function auditChange(change: {
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ignore?: readonly string[];
}): void {
  storage.getStore()?.changes.push({
    targetType: change.targetType,
    targetId: change.targetId,
    changes: diffRecords(change.before, change.after, change.ignore),
  });
}
