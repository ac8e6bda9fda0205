import { sqliteDialect, type TestDatabase } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppDeps } from './deps.js';

describe('createAppDeps', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await sqliteDialect.create();
  });
  afterAll(() => database?.dispose());

  it('freezes the settings: what the app is built with is what it serves with', () => {
    const deps = createAppDeps({
      database: database.handle,
      settings: { publicUrl: 'https://keys.example.com' },
    });
    expect(Object.isFrozen(deps.settings)).toBe(true);
    expect(() => {
      (deps.settings as { publicUrl: string }).publicUrl = 'https://elsewhere.example';
    }).toThrow(TypeError);
    expect(deps.settings.publicUrl).toBe('https://keys.example.com');
  });

  it('always gives the app its dashboard sessions', () => {
    expect(createAppDeps({ database: database.handle }).sessions).toBeDefined();
  });
});
