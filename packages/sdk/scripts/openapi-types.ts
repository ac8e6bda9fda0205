import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@onepin/db';
import { buildApp, createAppDeps } from '@onepin/server';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the generated wire types live, committed beside the SDK's sources. */
export const GENERATED_TYPES_PATH = fileURLToPath(
  new URL('../src/generated/openapi.ts', import.meta.url),
);

const HEADER = [
  "// Generated from the server's OpenAPI document by packages/sdk/scripts/generate-types.ts.",
  '// Do not edit: run `npm run generate -w @onepin/sdk` after changing a server schema.',
  '',
  '',
].join('\n');

/**
 * The server's OpenAPI document, built in process: the real app on an in-memory SQLite
 * database, asked for `/openapi.json` without a port or a network.
 */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const database = openDatabase({ url: ':memory:' });
  try {
    const app = buildApp(createAppDeps({ database }));
    const response = await app.request('/openapi.json');
    if (!response.ok) throw new Error(`/openapi.json answered ${response.status}`);
    return (await response.json()) as OpenAPI3;
  } finally {
    await database.close();
  }
}

/** The text of `src/generated/openapi.ts` for the server as it is now. */
export async function renderOpenApiTypes(): Promise<string> {
  const document = await buildOpenApiDocument();
  const nodes = await openapiTS(document, {
    alphabetize: true,
    // Schemas with a default (e.g. `scopes: []`) stay optional in request bodies.
    defaultNonNullable: false,
    silent: true,
  });
  return HEADER + astToString(nodes);
}

/** The committed text, or `null` when the file does not exist yet. */
export async function readCommittedTypes(): Promise<string | null> {
  try {
    return await readFile(GENERATED_TYPES_PATH, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
