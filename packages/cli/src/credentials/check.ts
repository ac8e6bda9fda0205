import { diagnoseApiKey } from '@onepin/core';
import { CliError } from '../errors.js';

/** What is wrong with a key, in the words of SPEC §6 (never quoting the key itself). */
const KEY_PROBLEMS = {
  prefix: 'Key must start with op_live_ (or op_test_)',
  format:
    'Key must be op_live_ or op_test_ followed by 32 letters or digits (check for spaces, quotes or a cut)',
  checksum: 'Key checksum does not match: it was mistyped or cut short. Copy it again',
} as const;

/**
 * Checks a key locally — prefix, shape and checksum — before any network call. Exit 1 with
 * `MALFORMED_API_KEY` wherever the key came from; `from` names the source in the hint.
 */
export function checkApiKey(key: string, from: string): void {
  const problem = diagnoseApiKey(key);
  if (problem === null) return;
  throw new CliError('MALFORMED_API_KEY', `${KEY_PROBLEMS[problem]}.`, {
    hint: `The key came from ${from}.`,
  });
}

/** Only http(s) base URLs (exit 1 with `INVALID_BASE_URL` wherever the URL came from). */
export function checkBaseUrl(url: string, from: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new CliError('INVALID_BASE_URL', 'Base URL is not a valid URL.', {
      hint: `It came from ${from}. Use http://HOST:PORT or https://HOST.`,
    });
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new CliError(
      'INVALID_BASE_URL',
      `Base URL must use http or https, not ${protocol.slice(0, -1)}.`,
      { hint: `It came from ${from}.` },
    );
  }
}
