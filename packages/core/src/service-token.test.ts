import { describe, expect, it } from 'vitest';
import { parseApiKey } from './api-key.js';
import {
  generateServiceToken,
  parseServiceToken,
  previewServiceToken,
  SERVICE_TOKEN_LENGTH,
} from './service-token.js';

describe('service tokens', () => {
  it('are op_svc_ and 32 base62 characters that parse back', () => {
    const token = generateServiceToken();
    expect(token).toMatch(/^op_svc_[0-9A-Za-z]{32}$/);
    expect(token).toHaveLength(SERVICE_TOKEN_LENGTH);
    expect(parseServiceToken(token)).toEqual({ prefix: 'op_svc_', suffix: token.slice(-4) });
  });

  it('fail the checksum when any one character changes', () => {
    const token = generateServiceToken();
    for (let i = 7; i < token.length; i++) {
      const other = token[i] === 'a' ? 'b' : 'a';
      expect(parseServiceToken(token.slice(0, i) + other + token.slice(i + 1))).toBeNull();
    }
  });

  it('are never API keys, and API keys are never service tokens', () => {
    const token = generateServiceToken();
    expect(parseApiKey(token)).toBeNull();
    expect(parseServiceToken(`op_live_${token.slice(7)}`)).toBeNull();
    expect(parseServiceToken(`${token}x`)).toBeNull();
  });

  it('show only their prefix and last four characters', () => {
    const token = generateServiceToken();
    expect(previewServiceToken(token)).toBe(`op_svc_…${token.slice(-4)}`);
  });
});
