/**
 * The one vocabulary of error codes shared by the server, the SDK and the CLI.
 * Codes never change once shipped; add new ones at the end of their status group.
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
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
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type.' },
  VALIDATION_ERROR: { status: 422, message: 'The request is not valid.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** One entry of the `details` array of a validation error. */
export interface ErrorDetail {
  field: string;
  message: string;
}
