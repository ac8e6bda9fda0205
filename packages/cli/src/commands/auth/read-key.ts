import { CliError, UsageError } from '../../errors.js';
import type { CliIo } from '../../io.js';
import { hasEnded, readHidden } from '../../prompt/hidden-input.js';

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

/** How many times an empty answer at the prompt is asked again before giving up. */
const PROMPT_ATTEMPTS = 3;

/**
 * The key to log in with: `--key` (or the global `--api-key`); else a hidden prompt when
 * stdin is a terminal (an empty Enter asks again: it is a slip, not a decision — Ctrl-C is
 * how to stop); else all of stdin (`pass show onepin | onepin login`), trimmed. `baseUrl`
 * is where a key can be made, for the hint when none is given.
 */
export async function readKeyForLogin(
  io: CliIo,
  flags: { key?: string | undefined; apiKey?: string | undefined },
  baseUrl: string,
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
    for (let attempt = 1; attempt <= PROMPT_ATTEMPTS; attempt++) {
      const typed = (
        await readHidden(io.stdin, io.stderr, 'Paste your API key (input is hidden): ')
      ).trim();
      if (typed) return { key: typed, from: 'the prompt' };
      // The terminal closed (Ctrl-D on an empty line): nobody is left to ask.
      if (hasEnded(io.stdin) || attempt === PROMPT_ATTEMPTS) break;
      io.stderr.write('Nothing was pasted. Paste the key and press Enter, or Ctrl-C to stop.\n');
    }
    throw noKey(baseUrl);
  }
  const piped = (await readAll(io.stdin)).trim();
  if (!piped) throw noKey(baseUrl);
  return { key: piped, from: 'stdin' };
}

/** Where a first key comes from: never `onepin keys create`, which itself needs a key. */
function noKey(baseUrl: string): CliError {
  return new CliError(
    'NO_API_KEY',
    'No API key given. Pass --key, paste it at the prompt (in a terminal), or pipe it on stdin.',
    {
      hint: `Make one in the dashboard at ${baseUrl.replace(/\/+$/, '')}/settings/api-keys, or on the server with \`onepin-server admin create-key --workspace NAME --name NAME\`.`,
    },
  );
}
