import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType('AuditLogFilter', { description: 'Every given condition must hold. `from` is inclusive, `to` exclusive.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'An exact action, or a prefix ending in `.*` (e.g. `auth.*`).' })
  @IsOptional()
  @Length(1, 100)
  action?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) targetType?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @Length(1, 200) targetId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() from?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() to?: Date | null;
}

export const MAX_PAGE = 200;

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilter, { nullable: true }) @IsOptional() filter?: AuditLogFilter | null;
  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(MAX_PAGE) first!: number;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page (newest first).' }) @IsOptional() after?: string | null;
}
