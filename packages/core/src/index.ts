export * from './api-key.js';
export { BASE62_ALPHABET, encodeBase62, randomBase62 } from './base62.js';
export { formatBytes } from './bytes.js';
export { crc32Ascii } from './crc32.js';
export * from './errors.js';
export {
  containsApiKey,
  extractApiKeys,
  type FoundApiKey,
  findApiKeys,
  redactKeyShapedText,
} from './find-api-keys.js';
export * from './scopes.js';
export * from './service-token.js';
export * from './webhook-events.js';
