import type { ApolloCache, Reference } from '@apollo/client';

/** Every status the members screen lists; the invite hook writes into the list cached under these arguments. */
export const ALL_MEMBER_STATUSES = ['active', 'invited', 'deactivated'] as const;

/** The statuses a cached `members(...)` list was fetched with (the API defaults to active ones). */
function statusesOf(storeFieldName: string): string[] {
  const args = /^members\((.*)\)$/.exec(storeFieldName)?.[1];
  if (!args) return ['active'];
  try {
    const parsed = JSON.parse(args) as { statuses?: string[] | null };
    return parsed.statuses?.length ? parsed.statuses : ['active'];
  } catch {
    return ['active'];
  }
}

/**
 * Puts a member whose status changed (invited, deactivated, reactivated) into or out of every cached `members`
 * list according to the statuses that list asked for, keeping the API's order by name. Lists of other helpers
 * (e.g. an assignee picker reading active members) stay right without a refetch.
 */
export function placeMember(cache: ApolloCache, member: { __typename?: string; id: string; name: string; status: string }): void {
  const ref = cache.identify({ __typename: 'Member', id: member.id });
  if (!ref) return;
  cache.modify({
    fields: {
      members(existing: readonly Reference[] = [], { storeFieldName, readField, toReference }) {
        const present = existing.some((r) => readField('id', r) === member.id);
        const belongs = statusesOf(storeFieldName).includes(member.status);
        if (present && !belongs) return existing.filter((r) => readField('id', r) !== member.id);
        if (!present && belongs) {
          const mine = toReference(ref);
          if (!mine) return existing;
          const name = (r: Reference) => (readField<string>('name', r) ?? '').toLowerCase();
          return [...existing, mine].sort((a, b) => name(a).localeCompare(name(b)));
        }
        return existing;
      },
    },
  });
}

/**
 * Role.memberCount counts holders whatever their status; after roles change hands, the counts of the roles
 * involved are dropped from the cache so the roles screen reads them again instead of showing stale numbers.
 */
export function forgetMemberCounts(cache: ApolloCache, roleIds: Iterable<string>): void {
  for (const id of new Set(roleIds)) {
    cache.modify({ id: cache.identify({ __typename: 'Role', id }), fields: { memberCount: (_v, { DELETE }) => DELETE } });
  }
}
