/**
 * `@onepin/sdk/format`: how OnePin data reads to a person — relative times, sizes, key
 * statuses and activity sentences — shared by the CLI and the dashboard so they never say
 * the same thing two ways. Pure functions, safe in browsers (no Node built-ins).
 */
export { formatBytes, keyPreview } from '@onepin/core';
export { type ActivityInput, describeActivity, describeActor } from './activity.js';
export {
  type KeyState,
  type KeyStatus,
  type KeyStatusInput,
  keyStatus,
  keyStatusLabel,
} from './key-status.js';
export { formatDuration, relativeTime } from './time.js';
