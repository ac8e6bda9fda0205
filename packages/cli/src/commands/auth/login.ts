import { Command } from 'commander';
import { type CliContext, previewOf } from '../../context.js';
import { checkApiKey, checkBaseUrl } from '../../credentials/check.js';
import { loadCredentialsFile } from '../../credentials/file.js';
import {
  baseUrlSourceLabel,
  fromEnv,
  resolveBaseUrl,
  resolveProfile,
} from '../../credentials/resolve.js';
import { readKeyForLogin } from './read-key.js';

export interface LoginOptions {
  key?: string | undefined;
}

/** `onepin login`: checks a key with the server, then saves it in the credentials file. */
export function createLoginCommand(ctx: CliContext, run = loginRun): Command {
  return new Command('login')
    .description('Check an API key with the server and save it in ~/.onepin/credentials')
    .option('--key <key>', 'the key (default: a hidden prompt, or stdin when it is not a terminal)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  onepin login                                   # paste the key at a hidden prompt',
        '  onepin login --key "$ONEPIN_API_KEY"',
        '  pass show onepin | onepin login --profile staging --base-url https://onepin.example.com',
        '',
        'The key is checked (prefix, checksum) before anything is sent, then with the server;',
        'only a key the server accepts is saved. --base-url is saved with the profile.',
      ].join('\n'),
    )
    .action((options: LoginOptions) => run(ctx, options));
}

/** Reads the key, checks it locally and with the server, then saves it to the profile. */
export async function loginRun(ctx: CliContext, options: LoginOptions): Promise<void> {
  const { global, io, out } = ctx;
  const file = await loadCredentialsFile();
  const profile = resolveProfile({ ...global, env: io.env }, file);
  // Everything that can be wrong without the key is checked before the key is asked for:
  // an unsafe or malformed file, the server's address.
  const existing = await file.readProfile({ profile });

  const { baseUrl, baseUrlSource } = await resolveBaseUrl(
    { ...global, env: io.env },
    async () => existing?.baseUrl,
  );
  const baseUrlFrom = baseUrlSourceLabel(baseUrlSource, profile, file.credentialsPath());
  checkBaseUrl(baseUrl, baseUrlFrom);

  const { key, from } = await readKeyForLogin(
    io,
    { key: options.key, apiKey: global.apiKey },
    baseUrl,
  );
  checkApiKey(key, from);

  const client = await ctx.connect({
    apiKey: key,
    baseUrl,
    keyFrom: from,
    baseUrlFrom,
    whenRefused:
      'Nothing was saved. Check that the whole key was copied and that it is still active.',
  });
  const me = await client.auth.whoami();
  const { path } = await file.saveProfile(profile, {
    apiKey: key,
    // Whatever named a server is kept with the key; the default is left implicit.
    baseUrl: baseUrlSource === 'default' ? undefined : baseUrl,
  });

  out.data({ profile, path, base_url: client.baseUrl, ...me }, () => '');
  out.success(
    `Logged in to workspace “${me.workspace_name}” (${me.workspace_id}) with key “${me.key_name}” (${previewOf(key)}, ${me.key_type}).`,
  );
  out.message(
    `  Scopes: ${me.scopes.length > 0 ? me.scopes.join(', ') : 'none (this key can only call whoami)'}`,
  );
  out.message(`  Saved to ${path} (profile "${profile}", server ${client.baseUrl}).`);
  if (fromEnv(io.env, 'ONEPIN_API_KEY')) {
    out.warn('ONEPIN_API_KEY is set in this environment: it takes precedence over the saved key.');
  }
}
