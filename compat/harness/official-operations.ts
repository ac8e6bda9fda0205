import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VENDOR_DIR } from '../python-env.js';

/** One endpoint the official client calls: `METHOD /path/{param}` and the resource it is in. */
export interface OfficialOperation {
  operation: string;
  method: string;
  path: string;
  /** The SDK module that calls it, e.g. `workflows` or `workspace_members`. */
  resource: string;
}

function rawClients(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return rawClients(path);
    return name === 'raw_client.py' ? [path] : [];
  });
}

// `self._client_wrapper.httpx_client.request(f"api/v1/x/{encode_path_param(id)}", method="GET"`
const REQUEST = /httpx_client\.request\(\s*f?"([^"]+)",\s*method="([A-Z]+)"/g;

/**
 * Every endpoint of the official client, read from its generated `raw_client.py` files (the
 * sync and async clients call the same ones once each): its own list, not a copy of it.
 */
export function officialOperations(): OfficialOperation[] {
  const root = join(VENDOR_DIR, 'src', 'onepin');
  const found = new Map<string, OfficialOperation>();
  for (const file of rawClients(root)) {
    const resource = relative(root, file).split('/').slice(0, -1).join('.');
    for (const match of readFileSync(file, 'utf8').matchAll(REQUEST)) {
      const path = `/${match[1]?.replaceAll(/\{encode_path_param\((\w+)\)\}/g, '{$1}')}`;
      const method = match[2] ?? '';
      const operation = `${method} ${path}`;
      if (!found.has(operation)) found.set(operation, { operation, method, path, resource });
    }
  }
  return [...found.values()].sort((a, b) => a.operation.localeCompare(b.operation));
}

/** A path's shape with parameter names dropped: `/a/{id}` and `/a/{workflow_id}` are one. */
export function pathShape(path: string): string {
  return path.replaceAll(/\{\w+\}/g, '{}');
}

/**
 * The operation of ours (from an OpenAPI document) an official one maps onto: same method and
 * same path shape. A literal segment never maps onto a parameter (`/workspaces/slug-available`
 * is not `/workspaces/{workspace_id}`), since a client means something else by it.
 */
export function ourOperationFor(
  official: OfficialOperation,
  document: { paths?: Record<string, object> },
): string | undefined {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (pathShape(path) !== pathShape(official.path)) continue;
    if (official.method.toLowerCase() in item) return `${official.method} ${path}`;
  }
  return undefined;
}
