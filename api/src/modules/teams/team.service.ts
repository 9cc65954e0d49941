import type { Loaders } from '../../graphql/loaders';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import { TeamNameTakenError } from './team.errors';
import { TEAM_COLUMNS, type TeamRow } from './team.types';
import { isUuid } from '../../tenancy/names';

const pgCode = (err: unknown) => (err as { code?: string }).code;

/** Teams: named groups of this tenant's active members. */
export class TeamService {
  async list(): Promise<TeamRow[]> {
    return tenantDb().query<TeamRow>(`select ${TEAM_COLUMNS} from teams order by lower(name), id`);
  }

  async create(name: string, loaders: Loaders): Promise<TeamRow> {
    const clean = await this.freeName(name, null);
    const team = await nameGuard(clean, () => tenantDb().one<TeamRow>(`insert into teams (name) values ($1) returning ${TEAM_COLUMNS}`, [clean]));
    loaders.resetCatalogues();
    return team!;
  }

  async rename(id: string, name: string, loaders: Loaders): Promise<TeamRow> {
    const team = await this.mustGet(id);
    const clean = await this.freeName(name, team.id);
    const renamed = await nameGuard(clean, () =>
      tenantDb().one<TeamRow>(`update teams set name = $2, updated_at = now() where id = $1 returning ${TEAM_COLUMNS}`, [team.id, clean]),
    );
    loaders.resetCatalogues();
    return renamed!;
  }

  /** Leads of the team keep existing with no team (the foreign key sets team_id null); memberships go with it. */
  async remove(id: string, loaders: Loaders): Promise<string> {
    const deleted = isUuid(id) ? await tenantDb().one<{ id: string }>(`delete from teams where id = $1 returning id`, [id]) : null;
    if (!deleted) throw new NotFoundError('Team');
    loaders.resetCatalogues();
    return deleted.id;
  }

  /** Replaces the team's members. Every id must be an active member of this tenant (the `members` view says who is). */
  async setMembers(teamId: string, userIds: string[]): Promise<TeamRow> {
    const team = await this.mustGet(teamId, true);
    // Lower-cased: clients may write uuids in any case, and they are compared here in JS.
    const wanted = [...new Set(userIds.map((id) => id.toLowerCase()))];
    const db = tenantDb();
    const found = await db.query<{ id: string }>(`select user_id as id from members where status = 'active' and user_id = any($1::uuid[])`, [
      wanted.filter((id) => isUuid(id)),
    ]);
    const active = new Set(found.map((r) => r.id));
    const strangers = wanted.filter((id) => !active.has(id));
    if (strangers.length) {
      throw new BadInputError(
        'Only active members of this tenant can join a team',
        strangers.map((id) => ({ field: 'userIds', message: `${id} is not an active member of this tenant` })),
      );
    }
    await db.query(`delete from team_members where team_id = $1 and not (user_id = any($2::uuid[]))`, [team.id, wanted]);
    await db.query(`insert into team_members (team_id, user_id) select $1, unnest($2::uuid[]) on conflict do nothing`, [team.id, wanted]);
    return team;
  }

  private async mustGet(id: string, lock = false): Promise<TeamRow> {
    const team = isUuid(id) ? await tenantDb().one<TeamRow>(`select ${TEAM_COLUMNS} from teams where id = $1${lock ? ' for update' : ''}`, [id]) : null;
    if (!team) throw new NotFoundError('Team');
    return team;
  }

  /** Names are unique ignoring case ("Sales" and "sales" would be the same team to a person). */
  private async freeName(name: string, exceptId: string | null): Promise<string> {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (!clean) throw new BadInputError('Invalid team', [{ field: 'name', message: 'cannot be blank' }]);
    const other = await tenantDb().one(`select 1 from teams where lower(name) = lower($1) and id is distinct from $2::uuid`, [clean, exceptId]);
    if (other) throw new TeamNameTakenError(clean);
    return clean;
  }
}

/** The pre-check races with a concurrent writer; the unique index has the last word. */
async function nameGuard<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (pgCode(err) === '23505') throw new TeamNameTakenError(name);
    throw err;
  }
}
