import { sqliteDialect, testDialects } from '@onepin/db/test-support';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../openapi.js';
import { runAuthContract } from '../test-support/auth-contract.js';
import { ALL_CONTRACT_CASES } from '../test-support/contract-cases.js';
import {
  runServiceTokenContract,
  SERVICE_TOKEN_CONTRACT_CASES,
} from '../test-support/service-token-contract.js';
import { createTestWorld } from '../test-support/world.js';

for (const dialect of testDialects) {
  runAuthContract(dialect, ALL_CONTRACT_CASES);
  runServiceTokenContract(dialect, SERVICE_TOKEN_CONTRACT_CASES);
}

describe('auth contract coverage', () => {
  it('has a case for every /api/v1 operation of the OpenAPI document that needs a credential', async () => {
    const world = await createTestWorld(sqliteDialect);
    try {
      const document = openApiDocument(world.app);
      const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
        Object.entries(item as Record<string, { security?: unknown[] }>)
          .filter(([, op]) => path.startsWith('/api/v1/') && (op.security?.length ?? 0) > 0)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      // The verify API takes service tokens only: its own case set.
      const covered = [...ALL_CONTRACT_CASES, ...SERVICE_TOKEN_CONTRACT_CASES].map(
        (c) => c.operation,
      );
      expect(operations.length).toBeGreaterThan(0);
      expect(covered.slice().sort()).toEqual(operations.slice().sort());
    } finally {
      await world.dispose();
    }
  });
});
