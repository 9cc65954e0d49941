import { tenantDb } from '../../tenancy/context';
import { MEMBER_COLUMNS, type MemberRow } from './member.types';

/** Members come from the tenant schema's `members` view, which holds this tenant's memberships only. */
export class MemberService {
  async listActive(): Promise<MemberRow[]> {
    return tenantDb().query<MemberRow>(`select ${MEMBER_COLUMNS} from members where status = 'active' order by lower(name), lower(email)`);
  }
}
