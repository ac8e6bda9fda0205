import type { FoundApiKey } from '@onepin/core';

/** A key found somewhere: never the key itself, only where and its preview. */
export interface ScanFinding extends FoundApiKey {
  file: string;
  /** The commit that added it, for `--history`. */
  commit?: string;
}
