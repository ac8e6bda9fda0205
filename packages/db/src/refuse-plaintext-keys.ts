import { containsApiKey } from '@onepin/core';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** A write that would have stored an API key in plaintext, refused before it reached the database. */
export class PlaintextKeyRefusedError extends Error {
  override name = 'PlaintextKeyRefusedError';
  /** The column the key was headed for, when the query names it (`name`, `metadata`, …). */
  readonly column: string | undefined;

  constructor(table: string | undefined, column: string | undefined) {
    super(
      `refusing to store an API key in plaintext (${table ?? 'a table'}.${column ?? 'a column'}): only a key's SHA-256 is ever stored`,
    );
    this.column = column;
  }
}

type Node = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The name an identifier-bearing node (`ColumnNode`, `TableNode`) carries, if any. */
function nameOf(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.kind === 'IdentifierNode') return typeof node.name === 'string' ? node.name : undefined;
  return nameOf(node.column) ?? nameOf(node.table) ?? nameOf(node.identifier);
}

/**
 * The column of the first value in `node` that holds an API key: `null` when none does, the
 * column's name (or `undefined` when the query does not say) otherwise. Every string value is
 * looked at, wherever the query builder put it (a column value, a JSON text, an `on conflict`
 * update); identifiers are the code's own and are skipped.
 */
function columnHoldingKey(node: unknown, column: string | undefined): string | undefined | null {
  const stack: Array<[unknown, string | undefined]> = [[node, column]];
  while (stack.length > 0) {
    const [current, at] = stack.pop() as [unknown, string | undefined];
    if (typeof current === 'string') {
      if (containsApiKey(current)) return at;
      continue;
    }
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, at]);
      continue;
    }
    if (!isNode(current) || current.kind === 'IdentifierNode') continue;
    if (current.kind === 'ColumnUpdateNode') {
      stack.push([current.value, nameOf(current.column)]);
      continue;
    }
    if (current.kind === 'InsertQueryNode' && Array.isArray(current.columns)) {
      const columns = current.columns.map(nameOf);
      const rows = isNode(current.values) ? current.values.values : undefined;
      for (const row of Array.isArray(rows) ? rows : []) {
        const values = isNode(row) ? row.values : undefined;
        if (!Array.isArray(values)) continue;
        for (const [index, value] of values.entries()) stack.push([value, columns[index]]);
      }
      const { values: _values, ...rest } = current;
      stack.push([Object.values(rest), at]);
      continue;
    }
    for (const value of Object.values(current)) stack.push([value, at]);
  }
  return null;
}

/**
 * The storage side of "no plaintext key is ever stored" (SPEC §2): every INSERT and UPDATE
 * that goes through Kysely is refused when any value holds an API key with a valid checksum,
 * whatever route, service or admin command built it. Requests are refused earlier, with the
 * field named (the server's pasted-key guard); this is the net under everything else — a
 * header that ends up in a row, a command-line argument, a route written tomorrow.
 */
export const refusePlaintextKeys: KyselyPlugin = {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind !== 'InsertQueryNode' && node.kind !== 'UpdateQueryNode') return node;
    const column = columnHoldingKey(node, undefined);
    if (column !== null) {
      const table = node.kind === 'InsertQueryNode' ? node.into : node.table;
      throw new PlaintextKeyRefusedError(nameOf(table), column);
    }
    return node;
  },
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  },
};
