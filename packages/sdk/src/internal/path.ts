import { OnePinError } from '../errors.js';

/**
 * Builds a URL path from a template, percent-encoding each interpolated value so an id can
 * never leave its segment (`../`, `?`, `#` and `/` are encoded; `.` and `..` are refused).
 *
 * @example path`/api/v1/workflows/${id}/duplicate`
 */
export function path(strings: TemplateStringsArray, ...values: readonly string[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
      throw new OnePinError(`Expected a non-empty id in the path, got ${JSON.stringify(value)}.`);
    }
    out += encodeURIComponent(value) + (strings[index + 1] ?? '');
  });
  return out;
}
