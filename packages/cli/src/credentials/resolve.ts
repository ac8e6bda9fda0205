import type { StoredProfile } from '@onepin/sdk/credentials';
import { CliError, UsageError } from '../errors.js';
import { checkApiKey, checkBaseUrl } from './check.js';
import type { CredentialsFile } from './file.js';

/** The server used when nothing names one (SPEC §6). */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8000';

/** Where the key came from: `--api-key`, `ONEPIN_API_KEY`, or the credentials file. */
export type KeySource = 'flag' | 'env' | 'file';
export type BaseUrlSource = KeySource | 'default';

/** The key and server a command talks to, and where each came from. */
export interface ResolvedCredentials {
  apiKey: string;
  source: KeySource;
  /** The source as messages name it: `--api-key`, `ONEPIN_API_KEY`, or the profile and file. */
  keyFrom: string;
  /** The profile of the credentials file in play (whether or not it was read). */
  profile: string;
  /** The credentials file, when the key or the base URL came from it. */
  path: string | undefined;
  baseUrl: string;
  baseUrlSource: BaseUrlSource;
  /** The base URL's source as messages name it: `--base-url`, `ONEPIN_BASE_URL`, … */
  baseUrlFrom: string;
}

/** What resolution reads: the global options and the environment. */
export interface ResolutionInput {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  profile?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

/** SPEC §6’s message when no source holds a key (exit 1). */
export const NO_API_KEY_MESSAGE =
  'No API key found. Pass --api-key, set ONEPIN_API_KEY, or run `onepin login`.';

/** A variable that is unset, empty or only spaces counts as unset (SPEC §6). */
export function fromEnv(env: ResolutionInput['env'], name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** A flag given an empty value (`--api-key "$UNSET"`) is a mistake, not a request for the default. */
function fromFlag(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) throw new UsageError(`${flag} is empty.`, `Leave ${flag} out to use the default.`);
  return trimmed;
}

/** The profile named by `--profile`, else `ONEPIN_PROFILE`, else `default`. */
export function resolveProfile(input: ResolutionInput, file: CredentialsFile): string {
  return (
    fromFlag(input.profile, '--profile') ??
    fromEnv(input.env, 'ONEPIN_PROFILE') ??
    file.DEFAULT_PROFILE
  );
}

/** How the credentials file is named in messages. */
export function fileLabel(profile: string, path: string): string {
  return `profile "${profile}" of ${path}`;
}

/**
 * Resolves the key (`--api-key` → `ONEPIN_API_KEY` → the profile's `api_key`) and, on its own,
 * the base URL (`--base-url` → `ONEPIN_BASE_URL` → the profile's `base_url` → the default).
 * The credentials file is read only when one of them needs it. The key and the URL are
 * checked locally (exit 1), so nothing malformed is ever sent.
 */
export async function resolveCredentials(
  input: ResolutionInput,
  file: CredentialsFile,
): Promise<ResolvedCredentials> {
  const profile = resolveProfile(input, file);
  // An empty flag is a mistake on the command line (exit 2), whatever else is missing.
  fromFlag(input.baseUrl, '--base-url');
  let stored: Promise<StoredProfile | null> | undefined;
  const fromFile = () => {
    stored ??= file.readProfile({ profile });
    return stored;
  };

  const flagKey = fromFlag(input.apiKey, '--api-key');
  const envKey = fromEnv(input.env, 'ONEPIN_API_KEY');
  let apiKey = flagKey ?? envKey;
  let source: KeySource = flagKey ? 'flag' : 'env';
  let path: string | undefined;
  if (apiKey === undefined) {
    const found = await fromFile();
    apiKey = found?.apiKey?.trim() || undefined;
    source = 'file';
    path = found?.path;
    if (apiKey === undefined) throw noApiKey(profile, found, file);
  }
  const keyFrom = keySourceLabel(source, profile, path ?? file.credentialsPath());
  checkApiKey(apiKey, keyFrom);

  const { baseUrl, baseUrlSource } = await resolveBaseUrl(input, async () => {
    const found = await fromFile();
    if (found?.baseUrl) path = found.path;
    return found?.baseUrl;
  });
  const baseUrlFrom = baseUrlSourceLabel(baseUrlSource, profile, path ?? file.credentialsPath());
  checkBaseUrl(baseUrl, baseUrlFrom);
  return { apiKey, source, keyFrom, profile, path, baseUrl, baseUrlSource, baseUrlFrom };
}

/**
 * The base URL on its own: `--base-url` → `ONEPIN_BASE_URL` → the profile's `base_url`
 * (read only when needed) → the default.
 */
export async function resolveBaseUrl(
  input: ResolutionInput,
  saved: () => Promise<string | undefined>,
): Promise<{ baseUrl: string; baseUrlSource: BaseUrlSource }> {
  const flag = fromFlag(input.baseUrl, '--base-url');
  if (flag) return { baseUrl: flag, baseUrlSource: 'flag' };
  const env = fromEnv(input.env, 'ONEPIN_BASE_URL');
  if (env) return { baseUrl: env, baseUrlSource: 'env' };
  const stored = (await saved())?.trim();
  if (stored) return { baseUrl: stored, baseUrlSource: 'file' };
  return { baseUrl: DEFAULT_BASE_URL, baseUrlSource: 'default' };
}

/** `--api-key`, `ONEPIN_API_KEY`, or the profile and file. */
export function keySourceLabel(source: KeySource, profile: string, path: string): string {
  if (source === 'flag') return '--api-key';
  if (source === 'env') return 'ONEPIN_API_KEY';
  return fileLabel(profile, path);
}

/** `--base-url`, `ONEPIN_BASE_URL`, the profile and file, or the default. */
export function baseUrlSourceLabel(source: BaseUrlSource, profile: string, path: string): string {
  if (source === 'flag') return '--base-url';
  if (source === 'env') return 'ONEPIN_BASE_URL';
  return source === 'file' ? fileLabel(profile, path) : `the default (${DEFAULT_BASE_URL})`;
}

function noApiKey(profile: string, found: StoredProfile | null, file: CredentialsFile): CliError {
  const hint = found
    ? `Profile "${profile}" of ${found.path} has no api_key.`
    : profile === file.DEFAULT_PROFILE
      ? undefined
      : `There is no profile "${profile}" in ${file.credentialsPath()}: run \`onepin login --profile ${profile}\`.`;
  return new CliError('NO_API_KEY', NO_API_KEY_MESSAGE, { hint });
}
