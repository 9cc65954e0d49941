import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('LeadStatusCount', { description: 'Live leads in one status. Every status of the tenant is listed, in pipeline order.' })
export class LeadStatusCount {
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'Sum of lead values (null values count as 0), whatever their currency.' }) value!: number;
  // Resolved by LeadStatusCountResolver through the request's status loader:
  statusId!: string;
}

@ObjectType('LeadOwnerCount', { description: 'Live leads of one owner, or of nobody (unassigned).' })
export class LeadOwnerCount {
  @Field(() => ID, { nullable: true, description: 'Null for unassigned leads. Kept when the owner is no longer a member (owner is then null).' })
  ownerId!: string | null;
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'Sum of lead values (null values count as 0), whatever their currency.' }) value!: number;
}

@ObjectType('LeadDayCount')
export class LeadDayCount {
  @Field(() => GraphQLDate, { description: 'The calendar day in the requested time zone.' }) day!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('LeadConversion', { description: "Leads by their status' kind: won and lost are closed, the rest open." })
export class LeadConversion {
  @Field(() => Int) won!: number;
  @Field(() => Int) lost!: number;
  @Field(() => Int, { description: 'won + lost' }) closed!: number;
  @Field(() => Int) open!: number;
  @Field(() => Float, { nullable: true, description: 'won / closed, between 0 and 1; null when nothing is closed.' }) rate!: number | null;
}
