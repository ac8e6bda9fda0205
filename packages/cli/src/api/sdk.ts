/**
 * The SDK, loaded when a command first talks to the API: commands that do not (`--version`,
 * `--help`, `scan`, `completion`) start without it. Types are imported statically, for free.
 */
export function loadSdk(): Promise<typeof import('@onepin/sdk')> {
  return import('@onepin/sdk');
}

/** Whether an error is the SDK's 403 (for lookups that are allowed to fail). */
export async function isPermissionDenied(error: unknown): Promise<boolean> {
  const { PermissionDeniedError } = await loadSdk();
  return error instanceof PermissionDeniedError;
}
