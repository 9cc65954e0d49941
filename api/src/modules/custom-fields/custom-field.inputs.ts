import { Field, Float, InputType, Int } from 'type-graphql';
import { CustomFieldTypeEnum } from './custom-field.types';

/*
 * No class-validator rules here on purpose: a definition is checked as a whole by definitionProblems()
 * (custom-field.validation.ts), on create and on the merged definition on update, so the rules live in one place.
 */

@InputType()
export class CustomFieldOptionInput {
  @Field() value!: string;
  @Field({ nullable: true, description: 'Defaults to the value.' }) label?: string;
}

@InputType()
export class CreateCustomFieldInput {
  @Field({ description: 'Where lead values are stored: ^[a-z][a-z0-9_]{0,39}$, unique, cannot change later.' }) key!: string;
  @Field() label!: string;
  @Field(() => CustomFieldTypeEnum) type!: CustomFieldTypeEnum;
  @Field({ nullable: true, defaultValue: false }) required!: boolean;
  @Field(() => [CustomFieldOptionInput], { nullable: true, description: 'select and multiselect: 1 to 100 options with unique values.' })
  options?: CustomFieldOptionInput[];
  @Field(() => Float, { nullable: true, description: 'Least length (text), value (number) or choices (multiselect).' }) min?: number;
  @Field(() => Float, { nullable: true, description: 'Greatest length (text), value (number) or choices (multiselect).' }) max?: number;
  @Field({ nullable: true, description: 'Text values must match it whole: a JavaScript regular expression (u flag), at most 200 characters.' })
  pattern?: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to after the last field.' }) position?: number;
}

/**
 * Omitted: unchanged; null clears options, min, max and pattern. The key cannot change: lead values are stored
 * under it, and renaming would silently hide every one of them. Changing the type drops the constraints the new
 * type does not use, and is refused (FIELD_TYPE_LOCKED) once a lead holds a value for the field.
 */
@InputType({
  description: 'Omitted: unchanged; null clears options, min, max and pattern. The key cannot change. A new type drops the constraints it does not use.',
})
export class UpdateCustomFieldInput {
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => CustomFieldTypeEnum, { nullable: true }) type?: CustomFieldTypeEnum | null;
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
  @Field(() => [CustomFieldOptionInput], { nullable: true }) options?: CustomFieldOptionInput[] | null;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
  @Field(() => String, { nullable: true }) pattern?: string | null;
  @Field(() => Int, { nullable: true }) position?: number | null;
}
