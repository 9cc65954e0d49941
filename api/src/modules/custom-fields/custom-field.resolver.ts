import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PIPELINE_READERS, type Role } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { CreateCustomFieldInput, UpdateCustomFieldInput } from './custom-field.inputs';
import { CustomFieldService } from './custom-field.service';
import { CustomFieldDefinitionType } from './custom-field.types';

const fields = new CustomFieldService();

@Resolver()
export class CustomFieldResolver {
  @Authorized<Role>(...PIPELINE_READERS)
  @Query(() => [CustomFieldDefinitionType], { description: "The tenant's lead form, in order." })
  customFieldDefinitions(@Ctx() ctx: GraphQLContext): Promise<CustomFieldDefinitionType[]> {
    return fields.list(ctx.loaders) as Promise<CustomFieldDefinitionType[]>;
  }

  @Authorized<Role>('fields.manage')
  @Mutation(() => CustomFieldDefinitionType, { description: 'Refused with FIELD_KEY_TAKEN when the key is in use.' })
  createCustomField(@Arg('input') input: CreateCustomFieldInput, @Ctx() ctx: GraphQLContext): Promise<CustomFieldDefinitionType> {
    return fields.create(input, ctx.loaders) as Promise<CustomFieldDefinitionType>;
  }

  @Authorized<Role>('fields.manage')
  @Mutation(() => CustomFieldDefinitionType, { description: 'Refused with FIELD_TYPE_LOCKED when the type changes while leads hold values.' })
  updateCustomField(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateCustomFieldInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CustomFieldDefinitionType> {
    return fields.update(id, input, ctx.loaders) as Promise<CustomFieldDefinitionType>;
  }

  @Authorized<Role>('fields.manage')
  @Mutation(() => ID, { description: 'Leads keep their stored values; they show again if a field with the same key is created.' })
  deleteCustomField(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return fields.remove(id, ctx.loaders);
  }
}
