import { previewApiKey } from '@onepin/core';
import type { Whoami } from '@onepin/sdk';
import type { Output } from '../../output/output.js';

/** What `login` says once a key is saved, whichever way it came (pasted or through the browser). */
export function formatLoggedIn(
  out: Output,
  saved: { me: Whoami; apiKey: string; path: string; profile: string; baseUrl: string },
): void {
  const { me, apiKey, path, profile, baseUrl } = saved;
  out.success(
    `Logged in to workspace “${me.workspace_name}” (${me.workspace_id}) with key “${me.key_name}” (${previewApiKey(apiKey)}, ${me.key_type}).`,
  );
  out.message(
    `  Scopes: ${me.scopes.length > 0 ? me.scopes.join(', ') : 'none (this key can only call whoami)'}`,
  );
  out.message(`  Saved to ${path} (profile "${profile}", server ${baseUrl}).`);
}
