import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TenantStatusEnum {
  provisioning = 'provisioning',
  active = 'active',
  suspended = 'suspended',
  failed = 'failed',
  deleted = 'deleted',
}
registerEnumType(TenantStatusEnum, { name: 'TenantStatus' });

@ObjectType('Tenant')
export class TenantType {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => TenantStatusEnum) status!: string;
}

@ObjectType('TenantAdminView', { description: 'A tenant as platform administrators see it.' })
export class TenantAdminView extends TenantType {
  @Field(() => Int) schemaVersion!: number;
  @Field(() => String, { nullable: true, description: 'Why the tenant has its status: the provisioning failure, or the reason given when it was suspended.' })
  failureReason!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Int) memberCount!: number;
}
