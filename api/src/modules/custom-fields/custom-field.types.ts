import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CustomFieldTypeEnum {
  text = 'text',
  number = 'number',
  date = 'date',
  select = 'select',
  multiselect = 'multiselect',
  boolean = 'boolean',
  email = 'email',
  phone = 'phone',
  url = 'url',
}
registerEnumType(CustomFieldTypeEnum, { name: 'CustomFieldType' });

@ObjectType('CustomFieldOption')
export class CustomFieldOptionType {
  @Field() value!: string;
  @Field() label!: string;
}

@ObjectType('CustomFieldDefinition', { description: "One field of the tenant's lead form." })
export class CustomFieldDefinitionType {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => CustomFieldTypeEnum) type!: CustomFieldTypeEnum;
  @Field() required!: boolean;
  @Field(() => [CustomFieldOptionType]) options!: CustomFieldOptionType[];
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => String, { nullable: true }) pattern!: string | null;
  @Field(() => Int) position!: number;
}

export const CUSTOM_FIELD_COLUMNS = `id, key, label, type, required, options, min::float8 as min, max::float8 as max, pattern, position`;
