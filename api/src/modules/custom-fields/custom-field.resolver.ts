import { Arg, Ctx, ID, Mutation, Query, Resolver, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requirePermission } from '../permissions/guard';
import { CreateCustomFieldInput, UpdateCustomFieldInput } from './custom-field.inputs';
import { CustomFieldService } from './custom-field.service';
import { CustomFieldDefinitionType } from './custom-field.types';

const fields = new CustomFieldService();
/** Runs before argument validation: a caller without fields.manage learns nothing about the input rules. */
const Manage: MiddlewareFn<GraphQLContext> = async ({ context }, next) => {
  await requirePermission(context, 'fields.manage');
  return next();
};

@Resolver()
export class CustomFieldResolver {
  @Query(() => [CustomFieldDefinitionType], { description: "The tenant's lead form, in order." })
  customFieldDefinitions(@Ctx() ctx: GraphQLContext): Promise<CustomFieldDefinitionType[]> {
    return fields.list(ctx.loaders) as Promise<CustomFieldDefinitionType[]>;
  }

  @Mutation(() => CustomFieldDefinitionType, { description: 'Refused with FIELD_KEY_TAKEN when the key is in use.' })
  @UseMiddleware(Manage)
  createCustomField(@Arg('input') input: CreateCustomFieldInput, @Ctx() ctx: GraphQLContext): Promise<CustomFieldDefinitionType> {
    return fields.create(input, ctx.loaders) as Promise<CustomFieldDefinitionType>;
  }

  @Mutation(() => CustomFieldDefinitionType, { description: 'Refused with FIELD_TYPE_LOCKED when the type changes while leads hold values.' })
  @UseMiddleware(Manage)
  updateCustomField(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateCustomFieldInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CustomFieldDefinitionType> {
    return fields.update(id, input, ctx.loaders) as Promise<CustomFieldDefinitionType>;
  }

  @Mutation(() => ID, { description: 'Leads keep their stored values; they show again if a field with the same key is created.' })
  @UseMiddleware(Manage)
  deleteCustomField(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return fields.remove(id, ctx.loaders);
  }
}
