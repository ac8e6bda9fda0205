import { readFileSync } from 'node:fs';
import {
  type CustomScope,
  customScopeNameProblem,
  ROLES,
  type Role,
  ScopeCatalogue,
} from '@onepin/core';
import { parse, TomlError } from 'smol-toml';
import { ConfigError } from './config-error.js';

/** More would make keys' scope lists unwieldy everywhere they are shown. */
export const MAX_CUSTOM_SCOPES = 100;
const DESCRIPTION_MAX = 200;
const ENTRY_FIELDS = new Set(['name', 'description', 'roles']);

/**
 * Reads `ONEPIN_SCOPES_FILE` (read once at start): TOML with one `[[scope]]` table per scope,
 * `name` (`resource:action`), `description` and `roles` (the workspace roles whose sessions hold
 * it; admin holds every scope). Any problem is one line naming the file and the entry.
 */
export function readScopesFile(path: string): ScopeCatalogue {
  const fail = (message: string): never => {
    throw new ConfigError(`ONEPIN_SCOPES_FILE (${path}): ${message}`);
  };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`);
  }
  let document: Record<string, unknown>;
  try {
    document = parse(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '');
    return fail(`malformed TOML at line ${error.line}: ${reason}`);
  }
  for (const field of Object.keys(document)) {
    if (field !== 'scope')
      fail(`unknown field "${field}" (declare each scope in a [[scope]] table)`);
  }
  const entries = document.scope ?? [];
  if (!Array.isArray(entries)) return fail('"scope" must be an array of tables: [[scope]]');
  if (entries.length > MAX_CUSTOM_SCOPES) {
    fail(`declares ${entries.length} scopes, more than the ${MAX_CUSTOM_SCOPES} allowed`);
  }
  const seen = new Map<string, number>();
  const scopes: CustomScope[] = entries.map((entry: unknown, index) => {
    const at = `scope ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return fail(`${at} is not a table`);
    }
    const fields = entry as Record<string, unknown>;
    const { name, description, roles = [] } = fields;
    if (typeof name !== 'string')
      return fail(`${at} has no name (a string such as "billing:read")`);
    const where = `${at} (${JSON.stringify(name)})`;
    for (const field of Object.keys(fields)) {
      if (!ENTRY_FIELDS.has(field)) {
        fail(`${where} has an unknown field "${field}" (name, description and roles are known)`);
      }
    }
    const problem = customScopeNameProblem(name);
    if (problem !== null) fail(`${where} ${problem}`);
    const first = seen.get(name);
    if (first !== undefined) fail(`${where} is a duplicate of scope ${first}`);
    seen.set(name, index + 1);
    if (
      typeof description !== 'string' ||
      description.trim() === '' ||
      description.length > DESCRIPTION_MAX ||
      /\p{Cc}/u.test(description)
    ) {
      fail(`${where} needs a description of 1 to ${DESCRIPTION_MAX} characters on one line`);
    }
    if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string')) {
      return fail(`${where}: roles must be a list of role names, e.g. ["admin", "editor"]`);
    }
    const unknownRole = roles.find((role) => !(ROLES as readonly string[]).includes(role));
    if (unknownRole !== undefined) {
      fail(`${where} names an unknown role "${unknownRole}" (roles: ${ROLES.join(', ')})`);
    }
    return { name, description: (description as string).trim(), roles: roles as Role[] };
  });
  return new ScopeCatalogue(scopes);
}
