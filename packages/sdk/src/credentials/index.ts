import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseApiKey } from '@onepin/core';
import { CredentialsError, OnePinConfigurationError } from '../errors.js';
import { normalizeBaseUrl } from '../internal/config.js';
import { deleteProfile, setProfile } from './edit.js';
import {
  ensurePrivateDirectory,
  readPrivateFile,
  removeFile,
  writePrivateFile,
} from './secure-file.js';
import { parseToml, type TomlDocument, TomlSyntaxError } from './toml.js';

/** The profile used when none is named. */
export const DEFAULT_PROFILE = 'default';

const PROFILE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export interface CredentialsFileOptions {
  /** The file to use instead of `~/.onepin/credentials` (tests, unusual setups). */
  path?: string | undefined;
}

export interface ProfileOptions extends CredentialsFileOptions {
  /** The table to read; `default` when left out. */
  profile?: string | undefined;
  /**
   * Read a file group or others may read or write too (never a symlink or another user's):
   * only to revoke and remove what it holds (`onepin logout`) — a key that may have leaked
   * is a reason to revoke it, not to refuse. Never to use the key for anything else.
   */
  allowLooseMode?: boolean | undefined;
}

/** One profile of the credentials file, as `readProfile` finds it. */
export interface StoredProfile {
  profile: string;
  /** The file it came from. */
  path: string;
  apiKey: string | undefined;
  baseUrl: string | undefined;
  /**
   * `device_login` when `onepin login --web` made the key (so `onepin logout` revokes it on
   * the server); undefined for a key that was pasted or given.
   */
  createdVia: string | undefined;
}

/** What `loadCredentials` returns: a profile that has a key. */
export interface Credentials extends StoredProfile {
  apiKey: string;
}

/** `~/.onepin/credentials`, under the current `HOME`. */
export function credentialsPath(): string {
  return join(homedir(), '.onepin', 'credentials');
}

/**
 * Reads one profile of the credentials file, or `null` when the file or the table does not
 * exist. Refuses (`CredentialsError`) an unsafe file (`INSECURE_CREDENTIALS_FILE`) or one it
 * cannot read (`MALFORMED_CREDENTIALS`), exactly as the `onepin` CLI does.
 */
export async function readProfile(options: ProfileOptions = {}): Promise<StoredProfile | null> {
  const path = options.path ?? credentialsPath();
  const profile = options.profile ?? DEFAULT_PROFILE;
  const document = await readDocument(path, options.allowLooseMode !== true);
  const table = document?.tables.find((t) => t.name === profile);
  if (!table) return null;
  const field = (key: string): string | undefined => {
    const entry = table.entries.get(key);
    if (entry === undefined) return undefined;
    if (typeof entry.value !== 'string') {
      throw malformed(path, `line ${entry.line + 1}: ${key} must be a "string"`);
    }
    return entry.value;
  };
  return {
    profile,
    path,
    apiKey: field('api_key'),
    baseUrl: field('base_url'),
    createdVia: field('created_via'),
  };
}

/**
 * Reads a profile's API key (and base URL) from `~/.onepin/credentials`, with the same
 * permission and format rules as the CLI. Throws `CredentialsError` with code
 * `CREDENTIALS_NOT_FOUND`, `INSECURE_CREDENTIALS_FILE` or `MALFORMED_CREDENTIALS`.
 *
 * @example
 * const { apiKey, baseUrl } = await loadCredentials({ profile: 'staging' });
 * const client = new OnePinClient({ token: apiKey, baseUrl });
 */
export async function loadCredentials(
  options: Omit<ProfileOptions, 'allowLooseMode'> = {},
): Promise<Credentials> {
  // A key that will be used is read only from a private file, whatever the caller passed.
  const found = await readProfile({ path: options.path, profile: options.profile });
  const path = options.path ?? credentialsPath();
  const profile = options.profile ?? DEFAULT_PROFILE;
  if (found?.apiKey) return { ...found, apiKey: found.apiKey };
  const message = found
    ? `Profile "${profile}" in ${path} has no api_key. Run \`onepin login --profile ${profile}\`.`
    : `No credentials for profile "${profile}" in ${path}. Run \`onepin login\`${profile === DEFAULT_PROFILE ? '' : ` --profile ${profile}`}, or pass the token yourself.`;
  throw new CredentialsError('CREDENTIALS_NOT_FOUND', path, message);
}

/** The names of the profiles in the file (empty when there is no file). */
export async function listProfiles(options: CredentialsFileOptions = {}): Promise<string[]> {
  const document = await readDocument(options.path ?? credentialsPath(), true);
  return document?.tables.map((table) => table.name) ?? [];
}

/**
 * Saves a profile's key (and base URL, and how the key was made; each left out is removed)
 * atomically: the directory is made or tightened to 0700, the file is written 0600 through a
 * temp file and a rename. Other profiles and the user's comments are kept as they are.
 */
export async function saveProfile(
  profile: string,
  values: {
    apiKey: string;
    baseUrl?: string | undefined;
    /** `device_login` for a key `onepin login --web` made. */
    createdVia?: 'device_login' | undefined;
  },
  options: CredentialsFileOptions = {},
): Promise<{ path: string }> {
  const path = options.path ?? credentialsPath();
  checkProfileName(profile, path);
  if (typeof values.apiKey !== 'string' || parseApiKey(values.apiKey) === null) {
    throw new CredentialsError(
      'INVALID_CREDENTIALS',
      path,
      'Not saved: the API key is not a valid OnePin key.',
    );
  }
  let baseUrl: string | undefined;
  try {
    baseUrl = values.baseUrl ? normalizeBaseUrl(values.baseUrl) : undefined;
  } catch (error) {
    const reason = error instanceof OnePinConfigurationError ? error.message : String(error);
    throw new CredentialsError('INVALID_CREDENTIALS', path, `Not saved: ${reason}`);
  }
  await ensurePrivateDirectory(dirname(path));
  const document = (await readDocument(path, false)) ?? parseToml('');
  await writePrivateFile(
    path,
    setProfile(document, profile, {
      api_key: values.apiKey,
      base_url: baseUrl,
      created_via: values.createdVia,
    }),
  );
  return { path };
}

/**
 * Removes a profile's table (only that table); the file goes when no profile is left.
 * Resolves to whether there was one to remove: removing twice is fine.
 */
export async function removeProfile(
  profile: string,
  options: CredentialsFileOptions = {},
): Promise<boolean> {
  const path = options.path ?? credentialsPath();
  checkProfileName(profile, path);
  const document = await readDocument(path, false);
  if (!document?.tables.some((table) => table.name === profile)) return false;
  const text = deleteProfile(document, profile);
  if (text === null) await removeFile(path);
  else await writePrivateFile(path, text);
  return true;
}

async function readDocument(path: string, requirePrivate: boolean): Promise<TomlDocument | null> {
  const text = await readPrivateFile(path, requirePrivate);
  if (text === null) return null;
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlSyntaxError) throw malformed(path, error.message, error);
    throw error;
  }
}

function malformed(path: string, reason: string, cause?: unknown): CredentialsError {
  return new CredentialsError(
    'MALFORMED_CREDENTIALS',
    path,
    `Malformed credentials file ${path}: ${reason}.`,
    cause === undefined ? undefined : { cause },
  );
}

function checkProfileName(profile: string, path: string): void {
  if (typeof profile !== 'string' || !PROFILE_NAME.test(profile)) {
    throw new CredentialsError(
      'INVALID_CREDENTIALS',
      path,
      'A profile name is 1–64 letters, digits, `_` or `-`.',
    );
  }
}
