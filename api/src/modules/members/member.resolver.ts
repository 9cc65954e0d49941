import { Query, Resolver } from 'type-graphql';
import { MemberService } from './member.service';
import { MemberType } from './member.types';

const members = new MemberService();

@Resolver()
export class MemberResolver {
  @Query(() => [MemberType], { description: 'Active members of the current tenant, by name.' })
  members(): Promise<MemberType[]> {
    return members.listActive();
  }
}
