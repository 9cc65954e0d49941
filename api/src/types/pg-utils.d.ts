/** pg's own serializer of query parameters (pg 8 ships no declarations for its lib/ files). */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null | undefined;
}
