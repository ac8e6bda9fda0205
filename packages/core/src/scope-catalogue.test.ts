import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SCOPE_CATALOGUE,
  customScopeNameProblem,
  grantedScopes,
  ScopeCatalogue,
} from './scope-catalogue.js';
import { ROLE_SCOPES, SCOPES } from './scopes.js';

const billing = new ScopeCatalogue([
  { name: 'billing:read', description: 'Read invoices', roles: ['editor'] },
  { name: 'billing:write', description: 'Change invoices', roles: [] },
]);

describe('the scope catalogue', () => {
  it('holds the built-in scopes alone by default, with the roles that hold them', () => {
    expect(BUILT_IN_SCOPE_CATALOGUE.names).toEqual(SCOPES);
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      expect(BUILT_IN_SCOPE_CATALOGUE.roleScopes(role)).toEqual([...ROLE_SCOPES[role]].sort());
    }
    expect(BUILT_IN_SCOPE_CATALOGUE.get('webhooks:write')).toMatchObject({
      builtIn: true,
      roles: ['admin'],
    });
  });

  it('adds custom scopes, sorted among the built-in ones; admin holds every one', () => {
    expect(billing.names).toEqual([...SCOPES, 'billing:read', 'billing:write'].sort());
    expect(billing.get('billing:read')).toEqual({
      name: 'billing:read',
      description: 'Read invoices',
      builtIn: false,
      roles: ['admin', 'editor'],
    });
    expect(billing.get('billing:write')?.roles).toEqual(['admin']);
    expect(billing.roleScopes('admin')).toEqual(billing.names);
    expect(billing.roleScopes('editor')).toContain('billing:read');
    expect(billing.roleScopes('editor')).not.toContain('billing:write');
    expect(billing.roleScopes('viewer')).not.toContain('billing:read');
  });

  it('grants only the scopes it has: a string removed from the file grants nothing', () => {
    const held = ['billing:read', 'gone:read', 'workflows:read'];
    expect(grantedScopes(held, billing)).toEqual(['billing:read', 'workflows:read']);
    expect(grantedScopes(held, BUILT_IN_SCOPE_CATALOGUE)).toEqual(['workflows:read']);
    expect(billing.unknown(held)).toEqual(['gone:read']);
    expect(billing.has('gone:read')).toBe(false);
    expect(billing.has('toString')).toBe(false);
    expect(Object.isFrozen(billing.granted(held))).toBe(true);
  });

  it.each([
    ['billing:read', null],
    ['Billing:read', /not a scope name/],
    ['billing', /not a scope name/],
    ['billing:read:all', /not a scope name/],
    ['1billing:read', /not a scope name/],
    ['workflows:read', /built-in/],
    ['workflows:run', /reserved: workflows:run is the OnePin scope to/],
  ])('says whether %j may be declared', (name, problem) => {
    const found = customScopeNameProblem(name);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('refuses a bad or repeated custom scope', () => {
    expect(() => new ScopeCatalogue([{ name: 'x', description: '', roles: [] }])).toThrow();
    const twice = { name: 'a:b', description: '', roles: [] };
    expect(() => new ScopeCatalogue([twice, twice])).toThrow(/declared twice/);
  });
});
