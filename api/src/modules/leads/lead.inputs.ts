import { IsEmail, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ArrayMaxSize, IsNumber, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';

export const MAX_PAGE_SIZE = 200;
export const MAX_TAGS = 50;
export const MAX_BULK = 500;

@InputType()
export class CreateLeadInput {
  @Field() @Length(1, 200) name!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(200) company?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\+?[0-9 ().-]{4,30}$/, { message: 'phone must be a phone number' }) phone?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) source?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(999_999_999_999) value?: number;
  @Field({ nullable: true, description: 'ISO 4217 code, e.g. EUR' }) @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO code' }) currency?: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to the tenant default status.' }) @IsOptional() @IsUUID() statusId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() ownerId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teamId?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(MAX_TAGS) @Length(1, 50, { each: true }) tags?: string[];
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values keyed by custom field key.' }) @IsOptional() customFields?: Record<string, unknown>;
}

/** Every field optional; a field given as null is cleared (name cannot be). Status and owner have their own mutations. */
@InputType()
export class UpdateLeadInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) company?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?[0-9 ().-]{4,30}$/, { message: 'phone must be a phone number' }) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) source?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(999_999_999_999) value?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO code' }) currency?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teamId?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(MAX_TAGS) @Length(1, 50, { each: true }) tags?: string[] | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Merged into the stored values; null clears a key.' })
  @IsOptional()
  customFields?: Record<string, unknown>;
}

@InputType({ description: 'A condition on one custom field: eq / in for any type, gte / lte for numbers and dates.' })
export class CustomFieldFilter {
  @Field() @Matches(/^[a-z][a-z0-9_]{0,39}$/) key!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '{ "eq": value }, { "in": [..] }, { "gte": x, "lte": y }, { "exists": bool }' })
  @IsOptional()
  condition?: Record<string, unknown>;
}

@InputType()
export class LeadFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(100) statusIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(100) ownerIds?: string[];
  @Field({ nullable: true }) @IsOptional() unassigned?: boolean;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(100) teamIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Leads carrying all of these tags.' }) @IsOptional() @ArrayMaxSize(20) tags?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) sources?: string[];
  @Field({ nullable: true }) @IsOptional() createdAfter?: Date;
  @Field({ nullable: true }) @IsOptional() createdBefore?: Date;
  @Field({ nullable: true }) @IsOptional() updatedAfter?: Date;
  @Field({ nullable: true }) @IsOptional() updatedBefore?: Date;
  @Field(() => Float, { nullable: true }) @IsOptional() valueMin?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() valueMax?: number;
  @Field({ nullable: true, description: 'Words matched by prefix against name, company, email and phone.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
  @Field(() => [CustomFieldFilter], { nullable: true }) @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true }) customFields?: CustomFieldFilter[];
  @Field({ nullable: true, description: 'Show deleted leads instead of live ones.' }) @IsOptional() deleted?: boolean;
}

export enum LeadOrderField {
  CREATED_AT = 'created_at',
  UPDATED_AT = 'updated_at',
  NAME = 'name',
  COMPANY = 'company',
  EMAIL = 'email',
  VALUE = 'value',
  SOURCE = 'source',
  STATUS = 'status',
  CUSTOM_FIELD = 'custom_field',
}
registerEnumType(LeadOrderField, { name: 'LeadOrderField' });

export enum OrderDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType()
export class LeadOrder {
  @Field(() => LeadOrderField) @IsIn(Object.values(LeadOrderField)) field!: LeadOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) @IsIn(Object.values(OrderDirection)) direction!: OrderDirection;
  @Field({ nullable: true, description: 'With field CUSTOM_FIELD: the custom field key.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/)
  customFieldKey?: string;
}

@ArgsType()
export class LeadsArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PAGE_SIZE) first?: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) after?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PAGE_SIZE) last?: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) before?: string;
  @Field(() => LeadFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: LeadFilter;
  @Field(() => LeadOrder, { nullable: true, description: 'Defaults to newest first.' }) @IsOptional() @ValidateNested() orderBy?: LeadOrder;
}
