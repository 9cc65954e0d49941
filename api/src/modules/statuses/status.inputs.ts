import { IsIn, IsInt, IsOptional, Length, Matches, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { TerminalKind } from './status.types';

export const STATUS_KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;
const COLOR_RE = /^#[0-9a-fA-F]{6}$/;
const KEY_MESSAGE = 'key must start with a lowercase letter and hold at most 40 lowercase letters, digits or underscores';
const COLOR_MESSAGE = 'color must be a hex colour like #1a2b3c';

@InputType()
export class CreateLeadStatusInput {
  @Field() @Matches(STATUS_KEY_RE, { message: KEY_MESSAGE }) key!: string;
  @Field() @Length(1, 100) label!: string;
  @Field({ nullable: true, description: 'Hex colour, e.g. #22c55e.' }) @IsOptional() @Matches(COLOR_RE, { message: COLOR_MESSAGE }) color?: string;
  @Field(() => TerminalKind, { nullable: true, description: 'Defaults to open.' }) @IsOptional() @IsIn(Object.values(TerminalKind)) kind?: TerminalKind;
  @Field(() => Int, { nullable: true, description: '1-based place in the pipeline; defaults to last. Later statuses move down.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;
}

/** Every field optional; an omitted field is unchanged. None can be cleared. Order has its own mutation. */
@InputType({ description: 'Omitted fields are unchanged; none can be cleared. The order has its own mutation (reorderLeadStatuses).' })
export class UpdateLeadStatusInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(STATUS_KEY_RE, { message: KEY_MESSAGE }) key?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) label?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(COLOR_RE, { message: COLOR_MESSAGE }) color?: string | null;
  @Field(() => TerminalKind, { nullable: true }) @IsOptional() @IsIn(Object.values(TerminalKind)) kind?: TerminalKind | null;
}
