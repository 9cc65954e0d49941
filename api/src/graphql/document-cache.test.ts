import { buildSchema, GraphQLError, specifiedRules, type ValidationRule } from 'graphql';
import { DocumentCache } from './document-cache';
import { aliasLimit, depthLimit } from './limits';

const schema = buildSchema(`type Query { lead(id: ID!): Lead  leads: [Lead!]! } type Lead { id: ID! name: String! next: Lead }`);
const rules: ValidationRule[] = [...specifiedRules, depthLimit(3), aliasLimit(2)];

test('the same text gives the same document, another text another one', () => {
  const cache = new DocumentCache(rules);
  const a = cache.parse('{ leads { id } }');
  expect(cache.parse('{ leads { id } }')).toBe(a);
  const b = cache.parse('{ leads { id name } }');
  expect(b).not.toBe(a);
  expect(cache.size).toBe(2);
});

test('validation runs once per document and keeps refusing what it refused', () => {
  let runs = 0;
  const counting: ValidationRule = () => {
    runs++;
    return {};
  };
  const cache = new DocumentCache([...rules, counting]);
  const deep = cache.parse('{ leads { next { next { next { id } } } } }');
  const first = cache.validate(schema, deep);
  expect(first.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(cache.validate(schema, cache.parse('{ leads { next { next { next { id } } } } }'))).toBe(first);
  expect(runs).toBe(1);

  const unknownField = cache.validate(schema, cache.parse('{ leads { email } }'));
  expect(unknownField[0]?.message).toMatch(/Cannot query field "email"/);
  expect(cache.validate(schema, cache.parse('{ leads { id } }'))).toEqual([]);
  expect(runs).toBe(3);

  // Another schema validates the same document afresh.
  const other = buildSchema(`type Query { leads: [String] }`);
  expect(cache.validate(other, cache.parse('{ leads { id } }'))[0]?.message).toMatch(/must not have a selection/);
});

test('text that does not parse throws every time and is not kept', () => {
  const cache = new DocumentCache(rules);
  for (let i = 0; i < 2; i++) expect(() => cache.parse('{ leads { id }')).toThrow(GraphQLError);
  expect(cache.size).toBe(0);
});

test('bounded by entries and by text, least recently used first', () => {
  const cache = new DocumentCache(rules, { maxEntries: 3, maxSourceChars: 10_000 });
  const docs = ['{ a: leads { id } }', '{ b: leads { id } }', '{ c: leads { id } }'].map((t) => cache.parse(t));
  cache.parse('{ a: leads { id } }'); // a used again: b is now the oldest
  cache.parse('{ d: leads { id } }');
  expect(cache.size).toBe(3);
  expect(cache.parse('{ a: leads { id } }')).toBe(docs[0]);
  expect(cache.parse('{ c: leads { id } }')).toBe(docs[2]);
  expect(cache.parse('{ b: leads { id } }')).not.toBe(docs[1]);

  const byText = new DocumentCache(rules, { maxEntries: 100, maxSourceChars: 40 });
  const first = byText.parse('{ x: leads { id } }'); // 19 characters
  byText.parse('{ y: leads { id } }');
  expect(byText.size).toBe(2);
  byText.parse('{ z: leads { id } }'); // 57 > 40: the oldest goes
  expect(byText.size).toBe(2);
  expect(byText.parse('{ x: leads { id } }')).not.toBe(first);
  // Text longer than the whole budget is parsed, never kept.
  const long = `{ ${Array.from({ length: 5 }, (_, i) => `f${i}: leads { id }`).join(' ')} }`;
  expect(byText.parse(long)).not.toBe(byText.parse(long));
});
