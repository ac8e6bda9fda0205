import { parseApiKey } from '@onepin/core';
import {
  type ApiKeyRecord,
  findApiKeyById,
  findApiKeysByHashes,
  insertKeyLeak,
  queueKeyRevocations,
  toApiKeyRecord,
} from '@onepin/db';
import { ApiError } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import { sha256Hex } from '../auth/sha256.js';
import { revokeInTransaction } from './api-keys.js';
import { recordAudit } from './audit.js';
import { changeKeys } from './key-invalidation.js';
import type { ServiceDeps } from './service-deps.js';
import { enqueueKeyEvent } from './webhook-outbox.js';

/** Where a report came from. */
export type LeakSource = 'github' | 'public_report';

/** What a leak report does to a live key (`ONEPIN_SECRET_SCANNING_ACTION`). */
export type LeakAction = 'revoke' | 'notify';

const SOURCE_NAMES: Record<LeakSource, string> = {
  github: 'GitHub secret scanning',
  public_report: 'public report',
};

function reporter(source: LeakSource, workspaceId: string): Actor {
  return { type: 'system', id: null, name: SOURCE_NAMES[source], workspaceId, userId: null };
}

function isLive(key: ApiKeyRecord, nowMs: number): boolean {
  return key.revoked_at === null && (key.expires_at === null || Date.parse(key.expires_at) > nowMs);
}

/**
 * Acts on a report that `key` was found in public: revokes it at once when it still works and
 * `action` is `revoke` (every node forgets it before this returns), records the report for the
 * key's banner (`api_key_leaks`) and the activity log, and fires `api_key.leaked` — all in one
 * transaction. Returns what was done to the key.
 */
export async function actOnLeakedKey(
  deps: ServiceDeps,
  key: ApiKeyRecord,
  report: { source: LeakSource; url: string | null; action: LeakAction },
): Promise<'revoked' | 'notified'> {
  for (let attempt = 0; ; attempt++) {
    const nowMs = deps.clock.now();
    const now = new Date(nowMs).toISOString();
    const current =
      attempt === 0 ? key : await findApiKeyById(deps.database.db, key.workspace_id, key.id);
    if (current === undefined) return 'notified';
    const revoke = report.action === 'revoke' && isLive(current, nowMs);
    const actor = reporter(report.source, current.workspace_id);
    try {
      return await changeKeys(deps, 'leaked', revoke ? [current.key_hash] : [], async (trx) => {
        const after = revoke
          ? await revokeInTransaction(trx, deps, actor, current, nowMs, 'leaked')
          : current;
        const leak = {
          source: report.source,
          url: report.url,
          action: revoke ? ('revoked' as const) : ('notified' as const),
          reported_at: now,
        };
        await insertKeyLeak(trx, {
          id: deps.newId(),
          api_key_id: current.id,
          workspace_id: current.workspace_id,
          ...leak,
        });
        await recordAudit(trx, { newId: deps.newId, now }, actor, {
          action: 'api_key_leaked',
          environment: current.key_type,
          target: { type: 'api_key', id: current.id },
          metadata: { name: current.name, ...leak },
        });
        await enqueueKeyEvent(
          trx,
          { newId: deps.newId, now },
          'api_key.leaked',
          { ...after, leak },
          actor,
          {
            leak,
          },
        );
        return leak.action;
      });
    } catch (error) {
      // Changed meanwhile (say, rotated or revoked by its owner): read it again, once.
      if (attempt === 0 && error instanceof ApiError && error.code === 'CONFLICT') continue;
      throw error;
    }
  }
}

/** One entry of a GitHub secret-scanning report. */
export interface GithubLeakEntry {
  token: string;
  type: string;
  url?: string | undefined;
  source?: string | undefined;
}

/** One entry of the partner response GitHub expects back. */
export interface GithubLeakLabel {
  token_raw: string;
  token_type: string;
  label: 'true_positive' | 'false_positive';
}

/**
 * GitHub's secret-scanning partner report: every token that is one of ours (right prefix
 * and checksum, a key with its hash exists) is a true positive and acted on — a live key
 * revoked, or only reported with `notify` — whatever workspace it belongs to; the rest are
 * false positives. A token named twice is acted on once.
 */
export async function reportGithubLeaks(
  deps: ServiceDeps,
  entries: readonly GithubLeakEntry[],
  action: LeakAction,
): Promise<GithubLeakLabel[]> {
  const hashes = new Map<string, string>();
  for (const { token } of entries) {
    if (parseApiKey(token) !== null) hashes.set(token, sha256Hex(token));
  }
  const rows = await findApiKeysByHashes(deps.database.db, [...new Set(hashes.values())]);
  const byHash = new Map(rows.map((row) => [row.key_hash, toApiKeyRecord(row)]));
  const acted = new Set<string>();
  const labels: GithubLeakLabel[] = [];
  for (const entry of entries) {
    const hash = hashes.get(entry.token);
    const key = hash === undefined ? undefined : byHash.get(hash);
    if (key !== undefined && !acted.has(key.id)) {
      acted.add(key.id);
      await actOnLeakedKey(deps, key, { source: 'github', url: entry.url ?? null, action });
    }
    labels.push({
      token_raw: entry.token,
      token_type: entry.type,
      label: key === undefined ? 'false_positive' : 'true_positive',
    });
  }
  return labels;
}

/**
 * The public revocation endpoint's half: every well-formed key (prefix and checksum) is
 * queued by its hash for the worker, which revokes those that exist and still work. The
 * request does the same work whether or not a key exists — one insert of the hashes — so
 * neither its answer nor its timing says which keys were real.
 */
export async function queuePublicRevocations(
  deps: ServiceDeps,
  credentials: readonly string[],
): Promise<void> {
  const hashes = new Set<string>();
  for (const credential of credentials) {
    if (parseApiKey(credential) !== null) hashes.add(sha256Hex(credential));
  }
  await queueKeyRevocations(
    deps.database.db,
    [...hashes],
    new Date(deps.clock.now()).toISOString(),
  );
  deps.outbox?.wake();
}

/** What the worker does with a queued hash: revoke the key if it exists and still works. */
export async function revokeReportedKey(deps: ServiceDeps, key: ApiKeyRecord): Promise<void> {
  if (!isLive(key, deps.clock.now())) return;
  await actOnLeakedKey(deps, key, { source: 'public_report', url: null, action: 'revoke' });
}
