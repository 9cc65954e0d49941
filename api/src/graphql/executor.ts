import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { runInScope } from '../tenancy/context';
import type { GraphQLContext } from './context';

type Gateway = ApolloServerOptionsWithGateway<GraphQLContext>['gateway'];

/** A query or subscription compiled by graphql-jit, or why it could not be. */
interface Plan {
  operation: OperationDefinitionNode;
  compiled: CompiledQuery | ExecutionResult;
}

type Args = Pick<ExecutionArgs, 'document' | 'operationName' | 'variableValues' | 'rootValue'> & { contextValue: GraphQLContext };

/**
 * Executes every operation, over HTTP and over the websocket, inside its request scope: one AsyncLocalStorage entry
 * per operation (not one per field resolver), from which every resolver, directly or through a DataLoader batch,
 * finds the tenant, its transaction and the loaders. A subscription re-enters the scope per event, since each event
 * has its own unit of work (subscriptions/event-stream.ts swaps `context.scope` before the event is executed).
 *
 * Queries and subscription events run with graphql-jit: each (document, operation name) is compiled once into a
 * JavaScript function that calls the field resolvers directly, and reused for every later request with the same
 * document. Apollo Server keeps parsed and validated documents in a bounded LRU and hands out the same DocumentNode
 * for the same query, so a WeakMap keyed by the document keeps compilations exactly as long as Apollo keeps the
 * document: nothing grows without bound whatever clients send. The websocket endpoint does the same with a
 * DocumentCache of its own (graphql/document-cache.ts), so subscriptions sending the same text share one compiled
 * plan. The list page runs 1.65x faster than under graphql-js' execute (bench/results/levers.md).
 *
 * Two things graphql-jit does differently from the specification, and how they are kept out:
 * - its variable coercion skips the default of a non-null input field (`LeadOrder.direction: OrderDirection! = ASC`
 *   would be refused as "not provided"): variables are coerced by graphql-js (getVariableValues, whose errors Apollo
 *   reports as BAD_USER_INPUT) and handed to the compiled query in their external form, which it coerces again;
 * - an input object literal that names an unset variable (`{ company: $c }` without $c) gets the field as null where the
 *   specification leaves it out, which for an update means "clear" instead of "keep": mutations therefore run with
 *   graphql-js' execute. They are not the hot path, and their root fields run one at a time anyway.
 * Validation (specified rules, depth and alias limits) happens before this, in Apollo's pipeline or graphql-ws'.
 */
export class OperationExecutor {
  private readonly plans = new WeakMap<DocumentNode, Map<string, Plan | null>>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The compiled plan of a query or subscription; null for a mutation (or a document without that operation). */
  private plan(document: DocumentNode, operationName: string | null | undefined): Plan | null {
    let byName = this.plans.get(document);
    if (!byName) this.plans.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let plan = byName.get(key);
    if (plan === undefined) {
      const operation = getOperationAST(document, operationName);
      plan = !operation || operation.operation === 'mutation' ? null : { operation, compiled: compile(this.schema, document, operationName) };
      byName.set(key, plan);
    }
    return plan;
  }

  /** Variables coerced by graphql-js, then given back in the form a client sends them (see the class comment). */
  private variables(plan: Plan, raw: Args['variableValues']): { errors: readonly GraphQLError[] } | { values: Record<string, unknown> } {
    const defs = plan.operation.variableDefinitions ?? [];
    if (!defs.length) return { values: {} };
    const coerced = getVariableValues(this.schema, defs, raw ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const values: Record<string, unknown> = {};
    for (const def of defs) {
      const name = def.variable.name.value;
      if (name in coerced.coerced) values[name] = external(typeFromAST(this.schema, def.type) as GraphQLInputType, coerced.coerced[name]);
    }
    return { values };
  }

  /** A query (compiled) or a mutation (graphql-js: root fields one after the other, as the specification says). */
  async execute(args: Args): Promise<ExecutionResult> {
    const ctx = args.contextValue;
    const plan = this.plan(args.document, args.operationName);
    if (!plan) return runInScope(ctx.scope, () => execute({ ...args, schema: this.schema }));
    const { compiled } = plan;
    if (!isCompiledQuery(compiled)) return compiled;
    const vars = this.variables(plan, args.variableValues);
    if ('errors' in vars) return { errors: vars.errors };
    // A query cannot write, whatever its transport: its tenant reads run as read-only units of work (ADR 0009).
    ctx.scope.readOnly = true;
    return runInScope(ctx.scope, () => compiled.query(args.rootValue, ctx, vars.values));
  }

  /**
   * A subscription: the source stream comes from the root field's `subscribe` (graphql-js' createSourceEventStream,
   * the specification's algorithm), and each event is executed with the compiled selection, in that event's scope.
   */
  async subscribe(args: ExecutionArgs & { contextValue: GraphQLContext }): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const plan = this.plan(args.document, args.operationName);
    if (!plan) return { errors: [new GraphQLError('Not a subscription')] };
    const { compiled } = plan;
    if (!isCompiledQuery(compiled)) return compiled;
    const vars = this.variables(plan, args.variableValues);
    if ('errors' in vars) return { errors: vars.errors };
    const ctx = args.contextValue;
    // Subscribing and delivering only read: every event's reads run as read-only units of work, batched with the
    // reads of the other subscriptions of the same turn (ADR 0009), own-scoped subscribers' reads included.
    ctx.scope.readOnly = true;
    const source = await createSourceEventStream({ ...args, schema: this.schema });
    if (!isAsyncIterable(source)) return source;
    return mapEvents(source, (event) => runInScope(ctx.scope, () => compiled.query(event, ctx, vars.values)));
  }

  /** Apollo Server's hook for a custom executor (its "gateway" interface, with our own schema). */
  gateway(): Gateway {
    const schema = this.schema;
    return {
      load: async () => ({
        executor: (rc) =>
          this.execute({
            document: rc.document,
            operationName: rc.operationName,
            variableValues: rc.request.variables,
            contextValue: rc.context as GraphQLContext,
          }),
      }),
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: async () => undefined,
    };
  }
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | ExecutionResult {
  try {
    return compileQuery(schema, document, operationName ?? undefined);
  } catch (err) {
    return { errors: [err instanceof GraphQLError ? err : new GraphQLError((err as Error).message, { originalError: err as Error })] };
  }
}

/** A coerced (internal) input value back in its external form: enum names, serialized scalars. */
function external(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return external(type.ofType, value);
  if (isListType(type)) return Array.isArray(value) ? value.map((v) => external(type.ofType, v)) : external(type.ofType, value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fields[k] ? external(fields[k].type, v) : v;
    return out;
  }
  if (isEnumType(type) || isScalarType(type)) return type.serialize(value);
  return value;
}

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return typeof (v as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** The source's events mapped one at a time (the next event is pulled only after the previous one is mapped and sent). */
function mapEvents(source: AsyncIterable<unknown>, map: (event: unknown) => Promise<ExecutionResult> | ExecutionResult): AsyncIterableIterator<ExecutionResult> {
  const it = source[Symbol.asyncIterator]();
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const r = await it.next();
      return r.done ? { value: undefined, done: true } : { value: await map(r.value), done: false };
    },
    async return() {
      await it.return?.();
      return { value: undefined, done: true };
    },
    async throw(err: unknown) {
      if (it.throw) await it.throw(err);
      else await it.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
}
