/**
 * The dashboard's thin client for the OnePin API. The SDK authenticates with an API key by
 * contract (SPEC §7), so it cannot drive a browser session: this client relies on the
 * HttpOnly session cookie (same origin only), sends the session's CSRF token on every
 * state-changing request and names the selected workspace in `X-Workspace-Id`.
 */

import type { components } from '@onepin/sdk/schema';

/**
 * The wire types, from the SDK's schema (generated from the server's OpenAPI document): a
 * field the server renames or drops breaks the dashboard's build, not its users.
 */
type Wire = components['schemas'];

export type ErrorDetail = Wire['ErrorDetail'];
export type Role = Wire['Role'];
export type SessionWorkspace = Wire['SessionWorkspace'];
export type Session = Wire['Session'];
export type ApiKey = Wire['ApiKey'];
/** One scope of the server's catalogue (`GET /api/v1/scopes`): built-in or the operator's. */
export type ScopeInfo = Wire['ScopeInfo'];
/** A key as the create and rotate responses return it: the only time `api_key` exists. */
export type CreatedApiKey = Wire['ApiKeyCreated'];
export type ActivityEvent = Wire['ActivityEvent'];
export type Member = Wire['Member'];
/** `POST /members`: the member, and a one-time link when they have no password yet. */
export type MemberAdded = Wire['MemberAdded'];
/** `GET /invitation`: whom an invitation link is for. */
export type Invitation = Wire['Invitation'];
/** `GET /setup`: whether a first-run link still works. */
export type SetupCheck = Wire['SetupCheck'];
export type OffsetPagination = Wire['OffsetPagination'];
export type CursorPagination = Wire['CursorPagination'];
/** `GET /device`: a device sign-in waiting under a user code (`onepin login --web`). */
export type DeviceRequest = Wire['DeviceRequest'];
/** What an approval granted: the device collects this key at its next poll. */
export type DeviceApproval = Wire['DeviceApproval'];
/** The latest report that a key was found in public (its banner). */
export type ApiKeyLeak = Wire['ApiKeyLeak'];
export type Webhook = Wire['Webhook'];
/** A webhook as create and rotate-secret return it: the only time `secret` exists. */
export type WebhookWithSecret = Wire['WebhookWithSecret'];
export type WebhookDelivery = Wire['WebhookDelivery'];
/** The instance's service tokens (instance admins): never the token, except once when made. */
export type ServiceToken = Wire['ServiceToken'];
export type ServiceTokenWithToken = Wire['ServiceTokenWithToken'];

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
