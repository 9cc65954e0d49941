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
  /** An order field, or `cf:<key>` for a custom field; '' is the API's default (newest first). */
  sort: string;
  dir: 'asc' | 'desc';
  size: number;
  after: string;
  before: string;
}

const DEFAULTS: LeadsView = { q: '', status: '', owner: '', team: '', deleted: false, sort: '', dir: 'asc', size: 25, after: '', before: '' };

export function parseView(params: URLSearchParams): LeadsView {
  const size = Number(params.get('size'));
  return {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    owner: params.get('owner') ?? '',
    team: params.get('team') ?? '',
    deleted: params.get('deleted') === '1',
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
  return f;
}

/** Keyset pages: forward with first/after, backward with last/before. */
export function variablesOf(view: LeadsView): LeadsQueryVariables {
  const page = view.before && !view.after ? { last: view.size, before: view.before } : { first: view.size, ...(view.after ? { after: view.after } : {}) };
  const orderBy = orderOf(view);
  return { ...page, filter: filterOf(view), ...(orderBy ? { orderBy } : {}) };
}

/**
 * The view in the URL. Any change but paging starts again at the first page (cursors belong to one filter and
 * order). Typing in the search box replaces the history entry instead of adding one per keystroke.
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
