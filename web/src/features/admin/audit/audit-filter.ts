import type { AuditLogFilter } from '../../../gql/graphql';

/** The audit filters as the URL carries them (so a filtered view can be bookmarked, shared, and the Back button works). */
export interface AuditFilterForm {
  actor: string;
  action: string;
  targetType: string;
  target: string;
  /** Local calendar days, YYYY-MM-DD; both inclusive in the form. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = { actor: '', action: '', targetType: '', target: '', from: '', to: '' };
const KEYS = Object.keys(EMPTY_FILTER) as (keyof AuditFilterForm)[];

export function formFromParams(params: URLSearchParams): AuditFilterForm {
  const out = { ...EMPTY_FILTER };
  for (const k of KEYS) out[k] = params.get(k) ?? '';
  return out;
}

export function paramsFromForm(form: AuditFilterForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of KEYS) if (form[k].trim()) params.set(k, form[k].trim());
  return params;
}

/** Local midnight of a YYYY-MM-DD day, plus `days`; null when the text is not a date. */
function localMidnight(day: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * The API's filter: `from` inclusive and `to` exclusive instants. The form's days are local and both inclusive
 * (what people mean by "from the 1st to the 3rd"), so `to` becomes the next day's local midnight.
 * Null when nothing is filtered.
 */
export function toApiFilter(form: AuditFilterForm): AuditLogFilter | null {
  const filter: AuditLogFilter = {};
  if (form.actor.trim()) filter.actorId = form.actor.trim();
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.targetType.trim()) filter.targetType = form.targetType.trim();
  if (form.target.trim()) filter.targetId = form.target.trim();
  const from = localMidnight(form.from);
  const to = localMidnight(form.to, 1);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return Object.keys(filter).length ? filter : null;
}
