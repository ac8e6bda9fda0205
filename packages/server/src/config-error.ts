/** A configuration problem, reported as one line naming the variable (or its file). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
