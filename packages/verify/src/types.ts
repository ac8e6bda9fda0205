/** What the OnePin server answers about a key, in order of precedence (SPEC: keys/verify). */
export type VerifyCode =
  | 'VALID'
  | 'INVALID'
  | 'INSUFFICIENT_SCOPE'
  | 'WORKSPACE_MISMATCH'
  | 'RATE_LIMITED';

/** The key a verification found: never its secret. */
export interface VerifiedKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly keyType: 'live' | 'test';
  readonly scopes: readonly string[];
  /** ISO 8601, or null for a key that never expires. */
  readonly expiresAt: string | null;
}

/** The key's rate limit as this process last knew it; `reset` is in epoch seconds. */
export interface RateLimitInfo {
  readonly limit: number;
  readonly remaining: number;
  readonly reset: number;
}

/** The answer of `verify()`. `valid` is true only for `VALID`. */
export interface VerifyResult {
  readonly valid: boolean;
  readonly code: VerifyCode;
  /** The requested scopes the key lacks: non-empty only for `INSUFFICIENT_SCOPE`. */
  readonly missingScopes: readonly string[];
  /** Null when `INVALID`. */
  readonly key: VerifiedKeyInfo | null;
  /** Null when `INVALID`. */
  readonly rateLimit: RateLimitInfo | null;
}

/** What a verification asks of the key besides being valid. */
export interface VerifyOptions {
  /** Every one of these must be granted to the key. */
  scopes?: readonly string[];
  /** The key must belong to this workspace. */
  workspaceId?: string;
}
