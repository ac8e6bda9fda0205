/** In unicode mode this class matches unpaired surrogates only: a proper pair is one code point. */
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Whether `text` is valid Unicode. JSON can carry an unpaired surrogate (`"\udc00"`), which
 * storage would silently turn into U+FFFD; such text is refused instead.
 */
export function isWellFormedUnicode(text: string): boolean {
  return !UNPAIRED_SURROGATE.test(text);
}
