import type { ServiceTokenView } from '@onepin/db';
import type { ServerConfig } from '../config.js';
import {
  createManagedServiceToken,
  listManagedServiceTokens,
  revokeManagedServiceToken,
  serviceTokenPreview,
  serviceTokenStatus,
} from '../services/service-token-management.js';
import { type AdminOutput, withAdminDeps } from './admin-context.js';

/** What the admin commands print of a token: never the token, never its hash. */
function describe(token: ServiceTokenView) {
  return {
    id: token.id,
    name: token.name,
    preview: serviceTokenPreview(token),
    status: serviceTokenStatus(token),
    created_by: token.created_by,
    created_at: token.created_at,
    last_used_at: token.last_used_at,
    revoked_at: token.revoked_at,
  };
}

/**
 * `onepin-server admin create-service-token --name NAME`: the token alone on stdout (so
 * `TOKEN=$(…)` captures it and nothing else), what was made on stderr; with --json, one
 * object with the token in it.
 */
export async function createServiceTokenCommand(
  config: ServerConfig,
  options: { name: string; json: boolean },
  out: AdminOutput,
): Promise<void> {
  const { record, token } = await withAdminDeps(config, (deps) =>
    createManagedServiceToken(deps, null, { name: options.name }),
  );
  if (options.json) {
    out.print(JSON.stringify({ ...describe(record), token }));
    return;
  }
  out.printError(`Created service token "${record.name}" (id ${record.id})`);
  out.printError(
    'It calls only the verify API (POST /api/v1/keys/verify…). This is the only time it is shown (on stdout): store it in the secrets of the service that uses it now.',
  );
  out.print(token);
}

/** `onepin-server admin list-service-tokens`: a table (or --json), newest first; previews only. */
export async function listServiceTokensCommand(
  config: ServerConfig,
  options: { json: boolean },
  out: AdminOutput,
): Promise<void> {
  const tokens = (await withAdminDeps(config, (deps) => listManagedServiceTokens(deps))).map(
    describe,
  );
  if (options.json) {
    out.print(JSON.stringify({ service_tokens: tokens }));
    return;
  }
  if (tokens.length === 0) {
    out.printError(
      'No service tokens yet. Make one: onepin-server admin create-service-token --name NAME',
    );
    return;
  }
  const rows = [
    ['ID', 'NAME', 'TOKEN', 'STATUS', 'CREATED', 'LAST USED'],
    ...tokens.map((t) => [
      t.id,
      t.name,
      t.preview,
      t.status,
      t.created_at,
      t.last_used_at ?? 'never',
    ]),
  ];
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  for (const row of rows) {
    out.print(
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths?.[column] ?? 0),
        )
        .join('  '),
    );
  }
}

/**
 * `onepin-server admin revoke-service-token ID`: revokes it (see its help for when running
 * servers notice). An
 * already revoked token is left as it is and the command still succeeds (it says so); an
 * unknown id fails with exit 1.
 */
export async function revokeServiceTokenCommand(
  config: ServerConfig,
  options: { id: string; json: boolean },
  out: AdminOutput,
): Promise<void> {
  const { record, alreadyRevoked } = await withAdminDeps(config, (deps) =>
    revokeManagedServiceToken(deps, null, options.id),
  );
  if (options.json) {
    out.print(JSON.stringify({ ...describe(record), already_revoked: alreadyRevoked }));
    return;
  }
  out.printError(
    alreadyRevoked
      ? `Service token "${record.name}" (${record.id}) was already revoked at ${record.revoked_at}.`
      : `Revoked service token "${record.name}" (${record.id}): running servers refuse it from now on (on SQLite within 5 seconds).`,
  );
}
