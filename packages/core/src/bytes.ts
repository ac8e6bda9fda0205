const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * A size in binary units, the way the limits are set: `512 bytes`, `1.5 KiB`, `50 MiB`
 * (a whole number loses its `.0`, so 52428800 reads `50 MiB`). One place for the server's
 * messages, the CLI and the dashboard.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || Math.abs(bytes) < 1024) {
    return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  }
  let value = bytes;
  for (const [index, unit] of UNITS.entries()) {
    value /= 1024;
    const rounded = Math.round(value * 10) / 10;
    if (Math.abs(rounded) < 1024 || index === UNITS.length - 1) {
      return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
