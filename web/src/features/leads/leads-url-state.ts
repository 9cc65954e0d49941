import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { LeadFilter, LeadOrder, LeadOrderField, LeadsQueryVariables } from '../../gql/graphql';

export const PAGE_SIZES = [25, 50, 100] as const;
export const UNASSIGNED = 'unassigned';

/** Everything that decides which leads the table shows, as kept in the query string (reload, back, links). */
export interface LeadsView {
  q: string;
  status: string;
  /** A member id, `unassigned`, or '' for anyone. */
  owner: string;
  team: string;
  deleted: boolean;
  valueMin: string;
  valueMax: string;
  tag: string;
  /** Created on or after this local day (YYYY-MM-DD). */
  from: string;
  /** Created on or before this local day (YYYY-MM-DD). */
  to: string;
  /** An order field, or `cf:<key>` for a custom field; '' is the API's default (newest first). */
  sort: string;
  dir: 'asc' | 'desc';
  size: number;
  after: string;
  before: string;
}

const DEFAULTS: LeadsView = { q: '', status: '', owner: '', team: '', deleted: false, valueMin: '', valueMax: '', tag: '', from: '', to: '', sort: '', dir: 'asc', size: 25, after: '', before: '' };

export function parseView(params: URLSearchParams): LeadsView {
  const size = Number(params.get('size'));
  return {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    owner: params.get('owner') ?? '',
    team: params.get('team') ?? '',
    deleted: params.get('deleted') === '1',
    valueMin: params.get('vmin') ?? '',
    valueMax: params.get('vmax') ?? '',
    tag: params.get('tag') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: params.get('sort') ?? '',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULTS.size,
    after: params.get('after') ?? '',
    before: params.get('before') ?? '',
  };
}

export function serializeView(view: LeadsView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.q) p.set('q', view.q);
  if (view.status) p.set('status', view.status);
  if (view.owner) p.set('owner', view.owner);
  if (view.team) p.set('team', view.team);
  if (view.deleted) p.set('deleted', '1');
  if (view.valueMin) p.set('vmin', view.valueMin);
  if (view.valueMax) p.set('vmax', view.valueMax);
  if (view.tag) p.set('tag', view.tag);
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (view.sort) {
    p.set('sort', view.sort);
    p.set('dir', view.dir);
  }
  if (view.size !== DEFAULTS.size) p.set('size', String(view.size));
  if (view.after) p.set('after', view.after);
  else if (view.before) p.set('before', view.before);
  return p;
}

export function orderOf(view: LeadsView): LeadOrder | undefined {
  if (!view.sort) return undefined;
  const direction = view.dir === 'desc' ? 'DESC' : 'ASC';
  if (view.sort.startsWith('cf:')) return { field: 'CUSTOM_FIELD', customFieldKey: view.sort.slice(3), direction };
  return { field: view.sort as LeadOrderField, direction };
}

export function filterOf(view: LeadsView): LeadFilter {
  const f: LeadFilter = {};
  if (view.q.trim()) f.search = view.q.trim();
  if (view.status) f.statusIds = [view.status];
  if (view.owner === UNASSIGNED) f.unassigned = true;
  else if (view.owner) f.ownerIds = [view.owner];
  if (view.team) f.teamIds = [view.team];
  if (view.deleted) f.deleted = true;
  const min = numberOrNull(view.valueMin);
  const max = numberOrNull(view.valueMax);
  if (min !== null) f.valueMin = min;
  if (max !== null) f.valueMax = max;
  if (view.tag.trim()) f.tags = [view.tag.trim()];
  // Days are the user's local days; `createdBefore` is exclusive, so "to" is the start of the next day.
  const from = localDayStart(view.from, 0);
  const to = localDayStart(view.to, 1);
  if (from) f.createdAfter = from;
  if (to) f.createdBefore = to;
  return f;
}

export const NO_FILTERS: Partial<LeadsView> = { q: '', status: '', owner: '', team: '', deleted: false, valueMin: '', valueMax: '', tag: '', from: '', to: '' };

export function hasFilters(view: LeadsView): boolean {
  return Boolean(view.q || view.status || view.owner || view.team || view.deleted || view.valueMin || view.valueMax || view.tag || view.from || view.to);
}

function numberOrNull(s: string): number | null {
  if (!s.trim()) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function localDayStart(day: string, plusDays: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d + plusDays);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** Keyset pages: forward with first/after, backward with last/before. */
export function variablesOf(view: LeadsView): LeadsQueryVariables {
  const page = view.before && !view.after ? { last: view.size, before: view.before } : { first: view.size, ...(view.after ? { after: view.after } : {}) };
  const orderBy = orderOf(view);
  return { ...page, filter: filterOf(view), ...(orderBy ? { orderBy } : {}) };
}

/**
 * The view in the URL. Any change but paging starts again at the first page (cursors belong to one filter and
 * order).
 */
export function useLeadsView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params), [params]);
  const update = useCallback(
    (change: Partial<LeadsView>, opts: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const current = parseView(prev);
          const paging = 'after' in change || 'before' in change;
          const next = { ...current, ...(paging ? {} : { after: '', before: '' }), ...change };
          return serializeView(next);
        },
        { replace: opts.replace },
      );
    },
    [setParams],
  );
  return [view, update] as const;
}
