import { CliError, UsageError } from '../../errors.js';
import type { CliIo } from '../../io.js';
import { readHidden } from '../../prompt/hidden-input.js';

/** Where `login` took the key from, for messages. */
export interface GivenKey {
  key: string;
  from: string;
}

/** Everything on stdin (a pipe or a file), as text. */
async function readAll(input: CliIo['stdin']): Promise<string> {
  let text = '';
  input.setEncoding('utf8');
  for await (const chunk of input) text += String(chunk);
  return text;
}

/**
 * The key to log in with: `--key` (or the global `--api-key`); else a hidden prompt when
 * stdin is a terminal; else all of stdin (`pass show onepin | onepin login`), trimmed.
 */
export async function readKeyForLogin(
  io: CliIo,
  flags: { key?: string | undefined; apiKey?: string | undefined },
): Promise<GivenKey> {
  const { key, apiKey } = flags;
  if (key !== undefined && apiKey !== undefined && key !== apiKey) {
    throw new UsageError('Pass the key once: --key or --api-key, not both.');
  }
  const given = key ?? apiKey;
  if (given !== undefined) {
    const trimmed = given.trim();
    if (!trimmed) throw new UsageError(`${key !== undefined ? '--key' : '--api-key'} is empty.`);
    return { key: trimmed, from: key !== undefined ? '--key' : '--api-key' };
  }
  if (io.stdinIsTTY) {
    const typed = (
      await readHidden(io.stdin, io.stderr, 'Paste your API key (input is hidden): ')
    ).trim();
    if (!typed) throw noKey();
    return { key: typed, from: 'the prompt' };
  }
  const piped = (await readAll(io.stdin)).trim();
  if (!piped) throw noKey();
  return { key: piped, from: 'stdin' };
}

function noKey(): CliError {
  return new CliError(
    'NO_API_KEY',
    'No API key given. Pass --key, paste it at the prompt (in a terminal), or pipe it on stdin.',
    { hint: 'Make a key in the dashboard (Settings → API keys) or with `onepin keys create`.' },
  );
}
