/**
 * The dashboard's thin client for the OnePin API. The SDK authenticates with an API key by
 * contract (SPEC §7), so it cannot drive a browser session: this client relies on the
 * HttpOnly session cookie (same origin only), sends the session's CSRF token on every
 * state-changing request and names the selected workspace in `X-Workspace-Id`.
 */

import type { ErrorDetail, KeyType, Role } from '@onepin/core';

export type { ErrorDetail, Role };

export interface SessionWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export interface Session {
  user: { id: string; email: string };
  workspace: SessionWorkspace;
  workspaces: SessionWorkspace[];
  scopes: string[];
  csrf_token: string;
  expires_at: string;
}

export interface ApiKey {
  id: string;
  name: string;
  key_type: KeyType;
  preview: string;
  scopes: string[];
  active: boolean;
  last_used_at: string | null;
  rate_limit_per_min: number | null;
  expires_at: string | null;
  revoked_at: string | null;
  /** The key this one replaced in a rotation. */
  rotated_from: string | null;
  /** The key that replaced this one; it works until `expires_at` or `revoked_at`. */
  replaced_by: string | null;
  created_at: string;
  /** The latest report that the key was found in public (its banner), or null. */
  leak: ApiKeyLeak | null;
}

export interface ApiKeyLeak {
  source: 'github' | 'public_report';
  url: string | null;
  action: 'revoked' | 'notified';
  reported_at: string;
}

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  environment: KeyType;
  active: boolean;
  previous_secret_expires_at: string | null;
  created_at: string;
}

/** A webhook as create and rotate-secret return it: the only time `secret` exists. */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

export interface WebhookDelivery {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
}

/** A key as the create and rotate responses return it: the only time `api_key` exists. */
export interface CreatedApiKey extends ApiKey {
  api_key: string;
}

export interface ActivityEvent {
  id: string;
  type: string;
  environment: KeyType;
  actor: { type: 'api_key' | 'user' | 'system'; id: string | null; name: string | null };
  target: { type: string; id: string } | null;
  metadata: Record<string, unknown>;
  created_at: string;
}

/** A member (`active`) or an invitation not accepted yet (`invited`), as the members list has them. */
export interface Member {
  /** The user id of a member, the invitation id of an invitation. */
  id: string;
  user_id: string | null;
  email: string;
  role: Role;
  status: 'active' | 'invited';
  joined_at: string | null;
  invited_at: string | null;
  invited_by_email: string | null;
  expires_at: string | null;
  /** The workspace's only admin: cannot be removed or demoted. */
  last_admin: boolean;
}

/** What an invitation link is for (it never says whether the email has an account). */
export interface Invitation {
  email: string;
  workspace_name: string;
  role: Role;
  invited_by_email: string | null;
  expires_at: string;
}

export interface OffsetPagination {
  limit: number;
  offset: number;
  total: number;
}

export interface CursorPagination {
  limit: number;
  cursor: string | null;
}

/** An error answer of the API, with its code and per-field details. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** The message for one field of a validation error, if any. */
  detail(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

export interface ApiContext {
  csrfToken?: string | null;
  workspaceId?: string | null;
}

export interface ApiResult<T, P = undefined> {
  data: T;
  pagination: P;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function apiRequest<T, P = undefined>(
  method: string,
  path: string,
  body?: unknown,
  context: ApiContext = {},
): Promise<ApiResult<T, P>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (context.workspaceId) headers['x-workspace-id'] = context.workspaceId;
  if (context.csrfToken && UNSAFE_METHODS.has(method)) headers['x-csrf-token'] = context.csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK_ERROR', 'Cannot reach the OnePin server.');
  }
  const payload = (await response.json().catch(() => null)) as {
    data?: T;
    pagination?: P;
    error?: { code: string; message: string; details?: ErrorDetail[] };
  } | null;
  if (!response.ok || payload === null || payload.data === undefined) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiRequestError(
      response.status,
      payload?.error?.code ?? 'UNKNOWN',
      payload?.error?.message ?? `The server answered ${response.status}.`,
      payload?.error?.details ?? [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return { data: payload.data, pagination: payload.pagination as P };
}
