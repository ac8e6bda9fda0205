import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SCOPES, unprovidedScopeReason } from '@onepin/core';
import type { OnePinClient, ScopeInfo } from '@onepin/sdk';
import { loadSdk } from '../api/sdk.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';

/**
 * The scope catalogue as the CLI knows it. The server's own (`GET /api/v1/scopes`) is the truth;
 * each successful answer is cached in `~/.onepin/scopes-cache.json`, per base URL, because
 * shell completion cannot ask the network and `--scopes` is parsed before a server is known.
 * Without an answer (a server older than the route, or none at all) the CLI falls back to the
 * built-in scopes plus the cached ones.
 */
export function scopesCachePath(): string {
  return join(homedir(), '.onepin', 'scopes-cache.json');
}

type ScopesCache = Record<string, { fetched_at: string; scopes: string[] }>;

function readCache(): ScopesCache {
  try {
    const parsed: unknown = JSON.parse(readFileSync(scopesCachePath(), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as ScopesCache) : {};
  } catch {
    return {};
  }
}

/** The names cached for `baseUrl`, or for every server when it is left out. */
export function cachedScopeNames(baseUrl?: string): string[] {
  const cache = readCache();
  const entries = baseUrl === undefined ? Object.values(cache) : [cache[baseUrl]];
  const names = entries.flatMap((entry) =>
    Array.isArray(entry?.scopes) ? entry.scopes.filter((s) => typeof s === 'string') : [],
  );
  return [...new Set(names)].sort();
}

/** The built-in scopes and the cached ones: what completion offers and `--scopes` lists. */
export function offlineScopeNames(baseUrl?: string): string[] {
  return [...new Set([...SCOPES, ...cachedScopeNames(baseUrl)])].sort();
}

/** Best effort: a cache that cannot be written only means completion knows less. */
function remember(baseUrl: string, scopes: readonly ScopeInfo[], now: number): void {
  try {
    const cache = readCache();
    cache[baseUrl] = {
      fetched_at: new Date(now).toISOString(),
      scopes: scopes.map((scope) => scope.name),
    };
    const path = scopesCachePath();
    mkdirSync(join(homedir(), '.onepin'), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    // Read-only HOME and the like.
  }
}

export interface ServerScopes {
  names: string[];
  /** `server`: its answer; `fallback`: built-in and cached names (with why). */
  source: 'server' | 'fallback';
  why?: string;
  /** The catalogue itself, when the server answered. */
  scopes?: ScopeInfo[];
}

/** The server's scope names (and the cache refreshed), else the fallback, saying why. */
export async function serverScopes(ctx: CliContext, client: OnePinClient): Promise<ServerScopes> {
  const { NotFoundError, APIConnectionError } = await loadSdk();
  try {
    const scopes = await client.scopes.list();
    remember(client.baseUrl, scopes, ctx.now());
    return { names: scopes.map((scope) => scope.name), source: 'server', scopes };
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof APIConnectionError)) throw error;
    const why =
      error instanceof NotFoundError
        ? 'the server is older than GET /api/v1/scopes: built-in scopes only'
        : 'the server could not be asked: built-in scopes and those cached from it';
    ctx.debug(`Scope catalogue: ${why}`);
    return { names: offlineScopeNames(client.baseUrl), source: 'fallback', why };
  }
}

/** `Unknown scope "x". Valid scopes: …` (or the official meaning of a scope this server lacks). */
export function unknownScopesMessage(unknown: readonly string[], valid: readonly string[]): string {
  const list = `Valid scopes: ${valid.join(', ')}.`;
  const unprovided = unknown.map(unprovidedScopeReason).find((reason) => reason !== null);
  if (unprovided) return `${unprovided}. ${list}`;
  const names = unknown.map((s) => `"${s}"`).join(', ');
  return `Unknown scope${unknown.length === 1 ? '' : 's'} ${names}. ${list}`;
}

/**
 * `--scopes` against the server's catalogue (exit 2 naming the unknown ones), asked only when
 * scopes were given. Without an answer, against the built-in and cached names.
 */
export async function checkScopes(
  ctx: CliContext,
  client: OnePinClient,
  scopes: readonly string[],
): Promise<void> {
  if (scopes.length === 0) return;
  const known = await serverScopes(ctx, client);
  const unknown = scopes.filter((scope) => !known.names.includes(scope));
  if (unknown.length === 0) return;
  const message = unknownScopesMessage(unknown, known.names);
  throw new UsageError(known.why ? `${message} (${known.why})` : message);
}
