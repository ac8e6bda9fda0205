import { describe, expect, it } from 'vitest';
import { readCommittedTypes, renderOpenApiTypes } from '../../scripts/openapi-types.js';

describe('generated wire types', () => {
  it("match the server's OpenAPI document (else run `npm run generate -w @onepin/sdk`)", async () => {
    const committed = await readCommittedTypes();
    const generated = await renderOpenApiTypes();
    expect(committed, 'src/generated/openapi.ts is missing').not.toBeNull();
    // A plain boolean first, so a drift reads as one line rather than a 1000-line diff.
    const upToDate = committed === generated;
    if (!upToDate) {
      expect.fail(
        "packages/sdk/src/generated/openapi.ts is out of date with the server's OpenAPI document. Run `npm run generate -w @onepin/sdk` and commit the result.",
      );
    }
    expect(upToDate).toBe(true);
  });

  it('start with a line that says they are generated and how to regenerate them', async () => {
    const committed = (await readCommittedTypes()) ?? '';
    expect(committed.split('\n')[0]).toMatch(/^\/\/ Generated from the server's OpenAPI document/);
    expect(committed.split('\n')[1]).toContain('npm run generate -w @onepin/sdk');
  });
});
