import type { KeyType, ScopeCatalogue } from '@onepin/core';
import { ApiError } from '../api-error.js';
import type { ServerConfig } from '../config.js';
import { createApiKey, FULL_AUTHORITY } from '../services/api-keys.js';
import { type AdminOutput, withAdminDeps } from './admin-context.js';
import { findWorkspaceForAdmin } from './find-workspace.js';

export interface CreateKeyOptions {
  /** The workspace's id, slug, or (unique) name. */
  workspace: string;
  name: string;
  scopes: string;
  type: KeyType;
  expiresAt?: string | undefined;
  rateLimitPerMin?: number | undefined;
  json: boolean;
}

/** `--scopes a,b`: every name must be in the server's catalogue (built-in or the operator's). */
export function parseScopes(list: string, catalogue: ScopeCatalogue): string[] {
  const scopes = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !catalogue.has(s));
  if (unknown.length > 0) {
    throw new ApiError(
      'VALIDATION_ERROR',
      `Unknown scope ${unknown.join(', ')}. Valid scopes: ${catalogue.names.join(', ')}`,
    );
  }
  return scopes;
}

/**
 * `onepin-server admin create-key`: prints the plaintext exactly once, alone on stdout (or in
 * the JSON with --json), so `KEY=$(…)` captures the key and nothing else; the description of
 * what was made goes to stderr.
 */
export async function createKeyCommand(
  config: ServerConfig,
  options: CreateKeyOptions,
  out: AdminOutput,
): Promise<void> {
  const scopes = parseScopes(options.scopes, config.scopes);
  const name = options.name.trim();
  if (name.length < 1 || name.length > 120)
    throw new ApiError('VALIDATION_ERROR', 'The key name must be 1 to 120 characters.');
  let expiresAt: string | null = null;
  if (options.expiresAt !== undefined) {
    const at = Date.parse(options.expiresAt);
    if (Number.isNaN(at))
      throw new ApiError('VALIDATION_ERROR', '--expires-at must be an ISO-8601 date-time.');
    expiresAt = new Date(at).toISOString();
  }
  const { created, workspaceName } = await withAdminDeps(config, async (deps) => {
    const workspace = await findWorkspaceForAdmin(deps.database.db, options.workspace);
    const made = await createApiKey(
      deps,
      {
        type: 'system',
        id: null,
        name: 'onepin-server admin',
        workspaceId: workspace.id,
        userId: null,
      },
      FULL_AUTHORITY,
      {
        name,
        scopes,
        key_type: options.type,
        expires_at: expiresAt,
        rate_limit_per_min: options.rateLimitPerMin ?? null,
      },
    );
    return { created: made, workspaceName: workspace.name };
  });
  const { record, plaintext } = created;
  if (options.json) {
    out.print(
      JSON.stringify({
        id: record.id,
        workspace_id: record.workspace_id,
        name: record.name,
        key_type: record.key_type,
        scopes: record.scopes,
        expires_at: record.expires_at,
        api_key: plaintext,
      }),
    );
    return;
  }
  out.printError(
    `Created ${record.key_type} API key "${record.name}" (id ${record.id}) in workspace "${workspaceName}" (${record.workspace_id})`,
  );
  out.printError(
    `Scopes: ${record.scopes.length ? record.scopes.join(', ') : '(none: whoami only)'}`,
  );
  if (record.expires_at) out.printError(`Expires: ${record.expires_at}`);
  out.printError(
    'This is the only time the key is shown (on stdout). Store it in a secrets manager now.',
  );
  out.print(plaintext);
}
