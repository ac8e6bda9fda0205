import type { Environment } from '../schema.js';

/**
 * Whose data a query touches: one workspace's live or test set (SPEC §8). Every query on a
 * resource filters on both, so another workspace's or environment's rows are never found.
 */
export interface Tenant {
  workspaceId: string;
  environment: Environment;
}

/** `%`, `_` and `\` stand for themselves in a `LIKE … ESCAPE '\'` pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
