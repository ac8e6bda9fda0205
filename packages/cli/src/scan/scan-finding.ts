import type { FoundApiKey } from '@onepin/core';

/** A key found somewhere: never the key itself, only where and its preview. */
export interface ScanFinding extends FoundApiKey {
  file: string;
  /** The commit that added it, for `--history`. */
  commit?: string;
  /** In a file git does not track (nor ignore): not committed yet. */
  untracked?: true;
  /** The key's id, when it belongs to the workspace of the logged-in key. */
  key_id?: string;
}
