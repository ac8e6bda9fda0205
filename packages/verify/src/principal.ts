/** Who called a route the middleware let through: the verified key, never its secret. */
export interface OnePinPrincipal {
  readonly keyId: string;
  readonly name: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly keyType: 'live' | 'test';
  readonly scopes: readonly string[];
  /** ISO 8601, or null for a key that never expires. */
  readonly expiresAt: string | null;
}
