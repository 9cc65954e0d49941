import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** One problem with one input field, as the API reports it in `extensions.fields`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiProblem {
  /** The API's `extensions.code`: the only thing the SPA branches on (never the message text). */
  code: string;
  message: string;
  fields: FieldProblem[];
  /** Extra extensions, e.g. `reason` on UNAUTHENTICATED. */
  extensions: Record<string, unknown>;
}

const NETWORK: ApiProblem = { code: 'NETWORK_ERROR', message: 'The server cannot be reached. Check your connection and try again.', fields: [], extensions: {} };

/** Reads the first GraphQL error of anything Apollo or fetch may throw into a typed problem. */
export function apiProblem(error: unknown): ApiProblem | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as Record<string, unknown>;
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
    const fields = Array.isArray(ext.fields) ? (ext.fields as FieldProblem[]) : [];
    return { code, message: messageFor(code, first?.message), fields, extensions: ext };
  }
  if (ServerError.is(error)) return { ...NETWORK, code: 'SERVER_ERROR', message: `The server answered ${error.statusCode}. Try again.` };
  return NETWORK;
}

/** Field problems keyed by field path, for forms. */
export function fieldProblems(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of apiProblem(error)?.fields ?? []) out[f.field] ??= f.message;
  return out;
}

/**
 * What users read for each code. The API's own message is kept for codes whose message carries the detail
 * (validation, workflow), and replaced where it would say too little or too much.
 */
const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'You do not have permission to do that.',
  NOT_FOUND: 'It no longer exists, or you cannot see it.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  LOGIN_THROTTLED: 'Too many sign-in attempts. Wait a moment and try again.',
  INVALID_CREDENTIALS: 'Wrong email or password.',
  TENANT_SUSPENDED: 'This workspace is suspended. Contact your administrator.',
  TENANT_NOT_FOUND: 'No workspace by that name.',
  NOT_A_MEMBER: 'You are not a member of that workspace.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again.',
  PERMISSION_ESCALATION: 'You cannot grant a permission you do not hold yourself.',
  LAST_ADMIN: 'The workspace needs at least one active admin.',
};
const KEEP_SERVER_MESSAGE = new Set([
  'BAD_USER_INPUT',
  'TRANSITION_NOT_ALLOWED',
  'FIELD_KEY_TAKEN',
  'FIELD_TYPE_LOCKED',
  'ROLE_KEY_TAKEN',
  'ROLE_IN_USE',
  'ROLE_IS_SYSTEM',
  'TEAM_NAME_TAKEN',
  'STATUS_IN_USE',
  'STATUS_IS_DEFAULT',
  'STATUS_KEY_TAKEN',
  'LAST_STATUS',
  'LEAD_DELETED',
  'MEMBER_EXISTS',
  'INVITATION_EXPIRED',
  'INVITATION_INVALID',
  'AUDIT_RETENTION_OUT_OF_RANGE',
]);

export function messageFor(code: string, serverMessage?: string): string {
  if (KEEP_SERVER_MESSAGE.has(code) && serverMessage) return serverMessage;
  return MESSAGES[code] ?? serverMessage ?? MESSAGES.INTERNAL_SERVER_ERROR!;
}
