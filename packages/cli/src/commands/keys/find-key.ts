import { keyPreview, parseApiKey } from '@onepin/core';
import type { ApiKey, ApiKeyListParams, OnePinClient } from '@onepin/sdk';
import { isPermissionDenied } from '../../api/sdk.js';
import { CliError } from '../../errors.js';
import { keyState } from './format.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `op_live_…AbCd`, or with three dots for those who cannot type `…`. */
const PREVIEW = /^(op_(?:live|test)_)(?:…|\.\.\.)([0-9A-Za-z]{4})$/;

/** The forms a key may be named by, for messages. */
export const KEY_REFERENCE_FORMS =
  'its id, its name (when no other key has it), or its preview (op_live_…AbCd)';

/** Which keys a name or preview is looked up among, for each command. */
export type KeyLookup = 'any' | 'usable' | 'rotatable';

/**
 * The id of the key a person named: an id is used as is (the server says if it exists);
 * a preview or a name is looked up in the key list (`api_keys:read`). A pasted plaintext
 * key is matched by its preview, computed here: the key itself is never sent anywhere.
 * Several matches are refused with each one's id, so the person can pick.
 */
export async function findKeyId(
  client: OnePinClient,
  reference: string,
  lookup: KeyLookup,
  now: number,
): Promise<string> {
  const typed = reference.trim();
  if (UUID.test(typed)) return typed;
  const parsed = parseApiKey(typed);
  const previewMatch = PREVIEW.exec(typed);
  const preview = parsed
    ? keyPreview(parsed.prefix, parsed.suffix)
    : previewMatch
      ? keyPreview(previewMatch[1] ?? '', previewMatch[2] ?? '')
      : undefined;
  const status: ApiKeyListParams['status'] = lookup === 'any' ? 'all' : 'active';
  const candidates: ApiKey[] = [];
  try {
    for await (const key of client.apiKeys.list({ status, limit: 100 })) {
      if (lookup === 'rotatable' && key.replaced_by !== null) continue;
      if (preview ? key.preview === preview : key.name === typed) candidates.push(key);
    }
  } catch (error) {
    if (await isPermissionDenied(error)) {
      throw new CliError(
        'NOT_FOUND',
        `Cannot look up the key “${typed}”: this API key may not list keys (api_keys:read).`,
        { hint: 'Name the key by its id instead.' },
      );
    }
    throw error;
  }
  const [only, ...others] = candidates;
  if (only && others.length === 0) return only.id;
  const shown = parsed ? preview : typed;
  if (!only) {
    throw new CliError(
      'NOT_FOUND',
      `No ${lookup === 'any' ? '' : 'usable '}API key matches “${shown}”.`,
      {
        hint: `Name a key by ${KEY_REFERENCE_FORMS}. \`onepin keys list --status all\` shows them all.`,
      },
    );
  }
  throw new CliError(
    'AMBIGUOUS_KEY',
    `${candidates.length} API keys match “${shown}”: ${candidates
      .map((key) => `${key.id} (${key.preview}, ${keyState(key, now)})`)
      .join('; ')}.`,
    { hint: 'Name the one you mean by its id.' },
  );
}
