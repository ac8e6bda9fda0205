export { VerifierConfigurationError, VerifierUnavailableError } from './errors.js';
export type { OnePinPrincipal } from './principal.js';
export type {
  RateLimitInfo,
  VerifiedKeyInfo,
  VerifyCode,
  VerifyOptions,
  VerifyResult,
} from './types.js';
export { createVerifier, type Verifier, type VerifierOptions } from './verifier.js';
