import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLDate } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { LeadFilter } from '../leads/lead.inputs';

/** Longest range of leadsCreatedPerDay: a leap year, so "the last year" always fits. */
export const MAX_DAYS = 366;

@ArgsType()
export class DashboardArgs {
  @Field(() => LeadFilter, { nullable: true, description: 'Scopes the dashboard, e.g. to a team; same filter as `leads`.' })
  @IsOptional()
  @ValidateNested()
  filter?: LeadFilter;
}

@ArgsType()
export class LeadsPerDayArgs {
  @Field(() => GraphQLDate, { description: 'First day, inclusive.' }) from!: Date;
  @Field(() => GraphQLDate, { description: `Last day, inclusive; the range spans at most ${MAX_DAYS} days.` }) to!: Date;
  @Field(() => String, { nullable: true, defaultValue: 'UTC', description: 'IANA time zone the days are counted in, e.g. Europe/Berlin. Null: UTC.' })
  @IsOptional()
  @MaxLength(100)
  timeZone?: string | null;
  @Field(() => LeadFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: LeadFilter;
}

@ArgsType()
export class LeadConversionArgs {
  @Field(() => Date, { nullable: true, description: 'Leads created at or after this instant.' }) @IsOptional() from?: Date;
  @Field(() => Date, { nullable: true, description: 'Leads created before this instant.' }) @IsOptional() to?: Date;
  @Field(() => LeadFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: LeadFilter;
}
