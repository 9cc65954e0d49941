import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type Source, type ValidationRule } from 'graphql';

export interface DocumentCacheOptions {
  /** Documents kept (least recently used dropped first). */
  maxEntries?: number;
  /** Query text kept, summed over the entries, in UTF-16 code units (a document's AST is a small multiple of it). */
  maxSourceChars?: number;
}

/**
 * Parsed and validated documents of the websocket endpoint, by their exact query text: what Apollo Server's
 * document store does for HTTP. graphql-ws parses and validates every `subscribe` message on its own, and the
 * executor compiles per DocumentNode (graphql-jit, OperationExecutor's WeakMap), so without this each subscription
 * kept an AST and a compiled query of its own for as long as it lived. At 10,000 subscriptions the heap held 410 MiB,
 * whose major collections stalled delivery for hundreds of milliseconds; sharing took the resident memory per
 * subscription from 55 to 35 KiB (bench/results/levers.md, round 8). With it, subscriptions sending the same text
 * share one document and one compiled plan.
 *
 * A document holds no tenant's data (variables travel apart, and a literal in the text came from whoever sent the
 * text); it is the same object for everyone who sends the same text, as Apollo's is. Validation depends on the
 * document, the schema and the rules only, so its outcome is kept with the document (per schema): an invalid
 * document is refused the same way every time. Text that does not parse is not kept; it throws as `parse` does.
 * Bounded: `maxEntries` documents and `maxSourceChars` of text, whatever clients send.
 */
export class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();
  private readonly validated = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  private sourceChars = 0;
  private readonly maxEntries: number;
  private readonly maxSourceChars: number;

  constructor(
    private readonly rules: readonly ValidationRule[],
    opts: DocumentCacheOptions = {},
  ) {
    this.maxEntries = opts.maxEntries ?? 1000;
    this.maxSourceChars = opts.maxSourceChars ?? 4 * 1024 * 1024;
  }

  /** The document of `source`: the one already parsed for the same text, else parsed now (and kept if it fits). */
  parse = (source: string | Source): DocumentNode => {
    if (typeof source !== 'string') return parse(source);
    const known = this.documents.get(source);
    if (known) {
      // Most recently used last: Map iteration order is insertion order.
      this.documents.delete(source);
      this.documents.set(source, known);
      return known;
    }
    const document = parse(source);
    if (source.length <= this.maxSourceChars) {
      this.documents.set(source, document);
      this.sourceChars += source.length;
      for (const [oldest] of this.documents) {
        if (this.documents.size <= this.maxEntries && this.sourceChars <= this.maxSourceChars) break;
        this.documents.delete(oldest);
        this.sourceChars -= oldest.length;
      }
    }
    return document;
  };

  /** The validation errors of `document` (the specified rules and ours), computed once per document and schema. */
  validate = (schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] => {
    let bySchema = this.validated.get(schema);
    if (!bySchema) this.validated.set(schema, (bySchema = new WeakMap()));
    let errors = bySchema.get(document);
    if (!errors) bySchema.set(document, (errors = validate(schema, document, this.rules)));
    return errors;
  };

  /** Documents kept now. */
  get size(): number {
    return this.documents.size;
  }
}
