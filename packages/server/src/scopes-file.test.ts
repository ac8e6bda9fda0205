import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_SCOPE_CATALOGUE, SCOPES } from '@onepin/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

const dir = mkdtempSync(join(tmpdir(), 'onepin-scopes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function configWith(toml: string) {
  const path = join(dir, `scopes-${++files}.toml`);
  writeFileSync(path, toml);
  return { path, read: () => readConfig({ ONEPIN_SCOPES_FILE: path }) };
}

const entry = (fields: string) => `[[scope]]\n${fields}\n`;
const billing = 'name = "billing:read"\ndescription = "Read invoices"';

describe('ONEPIN_SCOPES_FILE', () => {
  it('is optional: the built-in scopes alone', () => {
    const config = readConfig({});
    expect(config.scopesFile).toBeUndefined();
    expect(config.scopes).toBe(BUILT_IN_SCOPE_CATALOGUE);
  });

  it('adds the scopes it declares, with the roles that hold them (admin always)', () => {
    const { path, read } = configWith(
      `# the billing service's scopes\n${entry(`${billing}\nroles = ["admin", "editor"]`)}${entry(
        'name = "billing:write"\ndescription = "Change invoices"',
      )}`,
    );
    const config = read();
    expect(config.scopesFile).toBe(path);
    expect(config.scopes.names).toEqual([...SCOPES, 'billing:read', 'billing:write'].sort());
    expect(config.scopes.get('billing:read')).toEqual({
      name: 'billing:read',
      description: 'Read invoices',
      builtIn: false,
      roles: ['admin', 'editor'],
    });
    expect(config.scopes.roleScopes('admin')).toContain('billing:write');
    expect(config.scopes.roleScopes('editor')).not.toContain('billing:write');
  });

  it('accepts an empty file', () => {
    expect(configWith('').read().scopes.names).toEqual(SCOPES);
  });

  it.each([
    [
      'a duplicate',
      entry(billing) + entry(billing),
      /scope 2 \("billing:read"\) is a duplicate of scope 1$/,
    ],
    [
      'a bad name',
      entry('name = "Billing"\ndescription = "x"'),
      /scope 1 \("Billing"\) is not a scope name/,
    ],
    [
      'a built-in',
      entry('name = "workflows:read"\ndescription = "x"'),
      /scope 1 \("workflows:read"\) is a built-in scope$/,
    ],
    [
      'an official scope this server lacks',
      entry('name = "voices:read"\ndescription = "x"'),
      /scope 1 \("voices:read"\) is reserved: voices:read is the OnePin scope to browse voices/,
    ],
    [
      'an unknown role',
      entry(`${billing}\nroles = ["owner"]`),
      /scope 1 \("billing:read"\) names an unknown role "owner" \(roles: admin, editor, viewer\)$/,
    ],
    [
      'roles that are not a list',
      entry(`${billing}\nroles = "admin"`),
      /roles must be a list of role names/,
    ],
    [
      'an unknown field',
      entry(`${billing}\ngrants = ["x"]`),
      /scope 1 \("billing:read"\) has an unknown field "grants"/,
    ],
    ['an unknown top-level field', 'version = 2\n', /unknown field "version"/],
    ['a missing name', entry('description = "x"'), /scope 1 has no name/],
    [
      'a missing description',
      entry('name = "billing:read"'),
      /scope 1 \("billing:read"\) needs a description/,
    ],
    ['a table instead of a list', '[scope]\nname = "a:b"\n', /"scope" must be an array of tables/],
    ['malformed TOML', '[[scope]]\nname = "billing:read\n', /malformed TOML at line 2: /],
  ])('refuses %s in one line naming the file and the entry', (_what, toml, message) => {
    const { path, read } = configWith(toml);
    let error: unknown;
    try {
      read();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    expect(text.startsWith(`ONEPIN_SCOPES_FILE (${path}): `)).toBe(true);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('refuses a missing file', () => {
    const path = join(dir, 'absent.toml');
    expect(() => readConfig({ ONEPIN_SCOPES_FILE: path })).toThrow(
      new ConfigError(`ONEPIN_SCOPES_FILE (${path}): no such file`),
    );
  });
});
