import { BadInputError } from '../../graphql/errors';

/**
 * Opaque keyset cursors for the platform connections: the kind of list and the sort key of the last row.
 * The kind is checked so a cursor of one list is refused by another.
 */
export function encodeCursor(kind: string, values: string[]): string {
  return Buffer.from(JSON.stringify({ k: kind, v: values })).toString('base64url');
}

export function decodeCursor(raw: string, kind: string, valid: (values: string[]) => boolean): string[] {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { k?: unknown; v?: unknown };
    if (c.k === kind && Array.isArray(c.v) && c.v.every((x) => typeof x === 'string') && valid(c.v as string[])) return c.v as string[];
  } catch {
    /* refused below */
  }
  throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'is not a cursor of this list' }]);
}
