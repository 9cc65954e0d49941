import DataLoader from 'dataloader';
import type { GraphQLContext } from '../../graphql/context';
import { runInScope, tenantDb } from '../../tenancy/context';
import type { MemberRow } from '../members/member.types';
import { isUuid } from '../../tenancy/names';


/** One per request (keyed by its context, gone with it): the active members of every requested team in one statement. */
const perRequest = new WeakMap<GraphQLContext, DataLoader<string, MemberRow[]>>();

export function teamMembersLoader(ctx: GraphQLContext): DataLoader<string, MemberRow[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, MemberRow[]>((teamIds) =>
      runInScope(ctx.scope, async () => {
        const rows = await tenantDb().query<MemberRow & { teamId: string }>(
          `select tm.team_id as "teamId", m.user_id as id, m.email, m.name, m.status
             from team_members tm join members m on m.user_id = tm.user_id
            where tm.team_id = any($1::uuid[]) and m.status = 'active'
            order by lower(m.name), m.email`,
          [teamIds.filter((id) => isUuid(id))],
        );
        const byTeam = new Map<string, MemberRow[]>();
        for (const { teamId, ...member } of rows) {
          const list = byTeam.get(teamId);
          if (list) list.push(member);
          else byTeam.set(teamId, [member]);
        }
        return teamIds.map((id) => byTeam.get(id) ?? []);
      }),
    );
    perRequest.set(ctx, loader);
  }
  return loader;
}
