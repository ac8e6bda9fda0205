import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '@onepin/db/test-support';
import {
  type ServerProcess,
  serverCommand,
  startServerProcess,
} from '../../e2e/helpers/server-process.js';

/** The scopes of every resource the official client reaches here. */
export const RESOURCE_SCOPES = [
  'workflows:read',
  'workflows:write',
  'templates:read',
  'uploads:write',
  'workspace:read',
];

/** A real built server on a fresh database, set up the headless way SPEC §1 documents. */
export interface Target {
  server: ServerProcess;
  baseUrl: string;
  databaseUrl: string;
  owner: { id: string; email: string };
  workspaceId: string;
  /** Made by `onepin-server admin create-key`: no person created it. */
  apiKey: string;
  /** The owner's dashboard session (for the member operations, which keys cannot use). */
  session: { cookie: string; csrf: string };
  /** Runs `onepin-server <args>` on this server's data (e.g. `admin create-user`). */
  command(args: string[]): Promise<string>;
  /** Signs a person in as the dashboard does: their session cookie and CSRF token. */
  signIn(email: string, password: string): Promise<{ cookie: string; csrf: string }>;
  dispose(): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';

/** Starts `onepin-server serve` on 127.0.0.1:0 with SQLite in a fresh data dir, or a fresh PostgreSQL database. */
export async function startTarget(
  dialect: 'sqlite' | 'postgres',
  postgresServer?: string,
): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'onepin-compat-'));
  const postgres =
    dialect === 'postgres' ? await createPostgresDatabase(postgresServer as string) : undefined;
  const databaseUrl = postgres?.url ?? `sqlite:${join(dataDir, 'onepin.db')}`;
  const env = { ONEPIN_DATA_DIR: dataDir, ONEPIN_DATABASE_URL: databaseUrl };
  const server = await startServerProcess(env, { name: `compat-${dialect}-${process.pid}` });
  const email = `owner-${dialect}@example.com`;
  const made = JSON.parse(
    await serverCommand(
      [
        'admin',
        'create-user',
        '--email',
        email,
        '--password',
        PASSWORD,
        '--workspace',
        'Acme Voice',
        '--json',
      ],
      env,
    ),
  );
  const printed = await serverCommand(
    [
      'admin',
      'create-key',
      '--workspace',
      made.workspace.id,
      '--name',
      'official client',
      '--scopes',
      RESOURCE_SCOPES.join(','),
    ],
    env,
  );
  const apiKey = printed.match(/op_live_[0-9A-Za-z]{32}/)?.[0];
  if (!apiKey) throw new Error(`create-key printed no key: ${printed.length} characters`);

  const signIn = (who: string, password: string) => signInAt(server.url, who, password);
  return {
    server,
    baseUrl: server.url,
    databaseUrl,
    owner: { id: made.user.id, email },
    workspaceId: made.workspace.id,
    apiKey,
    session: await signIn(email, PASSWORD),
    command: (args) => serverCommand(args, env),
    signIn,
    async dispose() {
      await server.stop();
      await postgres?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function signInAt(baseUrl: string, email: string, password: string) {
  const signIn = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  const body = (await signIn.json()) as { data: { csrf_token: string } };
  if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
  return { cookie, csrf: body.data.csrf_token };
}
