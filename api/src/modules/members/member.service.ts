import { NotFoundError } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import { isUuid } from '../../tenancy/names';
import { MEMBER_COLUMNS, MemberStatus, type MemberRow } from './member.types';

/** Members come from the tenant schema's `members` view, which holds this tenant's memberships only. */
export class MemberService {
  async list(statuses: MemberStatus[] = [MemberStatus.active]): Promise<MemberRow[]> {
    return tenantDb().query<MemberRow>(`select ${MEMBER_COLUMNS} from members where status = any($1::text[]) order by lower(name), lower(email)`, [
      [...new Set(statuses)],
    ]);
  }

  /** A member of this tenant, whatever their status; another tenant's user is NOT_FOUND here. */
  async mustGet(userId: string): Promise<MemberRow> {
    const member = isUuid(userId) ? await tenantDb().one<MemberRow>(`select ${MEMBER_COLUMNS} from members where user_id = $1`, [userId]) : null;
    if (!member) throw new NotFoundError('Member');
    return member;
  }
}
