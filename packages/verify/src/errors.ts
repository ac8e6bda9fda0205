/** The verifier's options are unusable (no base URL, a malformed service token). */
export class VerifierConfigurationError extends Error {
  override name = 'VerifierConfigurationError';
}

/**
 * The OnePin server could not answer for a key this process has not verified yet: it is
 * unreachable, slow, refused the service token, or answered something unexpected. The
 * middleware turns it into 503 `SERVICE_UNAVAILABLE`; the message never contains a key.
 */
export class VerifierUnavailableError extends Error {
  override name = 'VerifierUnavailableError';
}
