/**
 * The one vocabulary of error codes shared by the server, the SDK and the CLI.
 * Codes never change once shipped; add new ones at the end of their status group.
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  // The device authorization grant's answers to a polling device (RFC 8628 §3.5), the
  // RFC's `error` values in upper case, with the RFC's status.
  AUTHORIZATION_PENDING: {
    status: 400,
    message: 'The sign-in has not been approved yet; keep polling at the interval.',
  },
  SLOW_DOWN: {
    status: 400,
    message: 'Polling too fast: add 5 seconds to the interval and keep polling.',
  },
  ACCESS_DENIED: { status: 400, message: 'The sign-in was denied.' },
  EXPIRED_TOKEN: { status: 400, message: 'The device code has expired; start again.' },
  INVALID_GRANT: { status: 400, message: 'The device code is unknown or was already used.' },
  INVALID_API_KEY: { status: 401, message: 'Invalid API key.' },
  UNAUTHORIZED: { status: 401, message: 'Authentication required.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  INSUFFICIENT_SCOPE: { status: 403, message: 'The API key lacks a required scope.' },
  WORKSPACE_MISMATCH: {
    status: 403,
    message: "X-Workspace-Id does not match the API key's workspace.",
  },
  CSRF_FAILED: { status: 403, message: 'Missing or invalid CSRF token.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  NOT_PROVIDED: {
    status: 404,
    message: 'This operation of the public OnePin API is not provided by this server.',
  },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  GONE: { status: 410, message: 'This link was used, withdrawn or has expired.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type.' },
  VALIDATION_ERROR: { status: 422, message: 'The request is not valid.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The code each status stands for when nothing more precise is known. */
const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The general code of an HTTP status, for an error that carries no code of its own (one the
 * HTTP framework raised, or a proxy's page instead of our envelope): `INTERNAL_ERROR` for
 * other 5xx, `undefined` for a status the vocabulary has no word for.
 */
export function errorCodeForStatus(status: number): ErrorCode | undefined {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : undefined);
}

/** One entry of the `details` array of a validation error. */
export interface ErrorDetail {
  field: string;
  message: string;
}
