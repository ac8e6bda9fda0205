/**
 * A strict reader for the part of TOML a credentials file uses: tables (`[name]`,
 * `["quoted name"]`), `key = value` pairs whose value is a string (basic or literal), a
 * boolean or an integer, comments and blank lines. Anything else is refused with its line
 * number rather than half understood. It keeps every line and where each table and key sits,
 * so the writer can change one table and leave the rest of the file (comments included) as
 * the user wrote it.
 */

export type TomlValue = string | boolean | number;

export interface TomlEntry {
  key: string;
  value: TomlValue;
  /** 0-based index into `lines`. */
  line: number;
}

export interface TomlTable {
  name: string;
  /** The line of `[name]`. */
  header: number;
  /** The line after the table's last line (the next header, or the end of the file). */
  end: number;
  entries: Map<string, TomlEntry>;
}

export interface TomlDocument {
  lines: string[];
  tables: TomlTable[];
  /** Key/value pairs before the first table (valid TOML; no profile uses them). */
  rootEntries: TomlEntry[];
}

/** A line the reader refuses; `line` is 1-based, as editors show it. */
export class TomlSyntaxError extends Error {
  override name = 'TomlSyntaxError';
  readonly line: number;

  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.line = line;
  }
}

const BARE_KEY = /^[A-Za-z0-9_-]+/;
const WHITESPACE = /^[ \t]*/;
const INTEGER = /^[+-]?(0|[1-9](_?[0-9])*)$/;
const ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  '"': '"',
  '\\': '\\',
};

/** Reads a credentials file's TOML; throws `TomlSyntaxError` naming the first line it refuses. */
export function parseToml(text: string): TomlDocument {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const tables: TomlTable[] = [];
  const rootEntries: TomlEntry[] = [];
  let current: TomlTable | undefined;

  lines.forEach((raw, index) => {
    const line = new LineReader(raw, index + 1);
    line.skipWhitespace();
    if (line.atEndOrComment()) return;
    if (line.peek() === '[') {
      const name = readHeader(line);
      if (tables.some((table) => table.name === name)) {
        throw new TomlSyntaxError(index + 1, `table [${name}] is defined twice`);
      }
      if (current) current.end = index;
      current = { name, header: index, end: lines.length, entries: new Map() };
      tables.push(current);
      return;
    }
    const key = readKey(line);
    line.skipWhitespace();
    line.expect('=', 'expected `=` after the key');
    line.skipWhitespace();
    const value = readValue(line);
    line.skipWhitespace();
    if (!line.atEndOrComment()) line.fail('unexpected text after the value');
    const entry = { key, value, line: index };
    if (!current) {
      rootEntries.push(entry);
      return;
    }
    if (current.entries.has(key)) line.fail(`key ${key} appears twice in [${current.name}]`);
    current.entries.set(key, entry);
  });
  return { lines, tables, rootEntries };
}

/** `"…"` for a value, with the escapes TOML requires. */
export function formatString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** A table or key name, bare when it can be. */
export function formatKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : formatString(name);
}

function readHeader(line: LineReader): string {
  line.expect('[', 'expected `[`');
  if (line.peek() === '[') line.fail('arrays of tables ([[…]]) are not supported here');
  line.skipWhitespace();
  const name = readKey(line);
  line.skipWhitespace();
  line.expect(']', 'expected `]` after the table name');
  line.skipWhitespace();
  if (!line.atEndOrComment()) line.fail('unexpected text after the table header');
  return name;
}

function readKey(line: LineReader): string {
  const char = line.peek();
  let key: string;
  if (char === '"') key = readBasicString(line);
  else if (char === "'") key = readLiteralString(line);
  else {
    const bare = line.match(BARE_KEY);
    if (bare === null) line.fail('expected a key (letters, digits, `_`, `-`, or a quoted name)');
    key = bare;
  }
  line.skipWhitespace();
  if (line.peek() === '.') line.fail('dotted keys are not supported here; quote the name');
  return key;
}

function readValue(line: LineReader): TomlValue {
  const char = line.peek();
  if (char === '"' || char === "'") {
    if (line.rest().startsWith(char.repeat(3))) {
      line.fail('multi-line strings are not supported here');
    }
    return char === '"' ? readBasicString(line) : readLiteralString(line);
  }
  const word = line.match(/^[^ \t#]+/) ?? '';
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (INTEGER.test(word)) return Number(word.replaceAll('_', ''));
  return line.fail(
    word === ''
      ? 'expected a value'
      : 'unsupported value: use a "string", true/false or an integer',
  );
}

function readBasicString(line: LineReader): string {
  line.expect('"', 'expected `"`');
  let out = '';
  for (;;) {
    const char = line.next();
    if (char === undefined) line.fail('unterminated string');
    if (char === '"') return out;
    if (char === '\\') out += readEscape(line);
    else {
      checkPrintable(line, char);
      out += char;
    }
  }
}

function readEscape(line: LineReader): string {
  const char = line.next();
  if (char === undefined) return line.fail('unterminated string');
  const simple = ESCAPES[char];
  if (simple !== undefined) return simple;
  if (char === 'u' || char === 'U') {
    const digits = line.take(char === 'u' ? 4 : 8);
    const code = /^[0-9A-Fa-f]+$/.test(digits) ? Number.parseInt(digits, 16) : Number.NaN;
    const valid = code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    if (!valid) line.fail(`invalid unicode escape \\${char}${digits}`);
    return String.fromCodePoint(code);
  }
  return line.fail(`invalid escape \\${char}`);
}

function readLiteralString(line: LineReader): string {
  line.expect("'", "expected `'`");
  let out = '';
  for (;;) {
    const char = line.next();
    if (char === undefined) line.fail('unterminated string');
    if (char === "'") return out;
    checkPrintable(line, char);
    out += char;
  }
}

function checkPrintable(line: LineReader, char: string): void {
  const code = char.codePointAt(0) ?? 0;
  if ((code < 0x20 && char !== '\t') || code === 0x7f) {
    line.fail('control characters must be escaped in strings');
  }
}

/** A cursor over one line, which reports failures with the line's number. */
class LineReader {
  #text: string;
  #at = 0;
  readonly #number: number;

  constructor(text: string, number: number) {
    this.#text = text;
    this.#number = number;
  }

  peek(): string | undefined {
    return this.#text[this.#at];
  }

  next(): string | undefined {
    const char = this.#text.codePointAt(this.#at);
    if (char === undefined) return undefined;
    const text = String.fromCodePoint(char);
    this.#at += text.length;
    return text;
  }

  take(count: number): string {
    const text = this.#text.slice(this.#at, this.#at + count);
    this.#at += text.length;
    return text;
  }

  rest(): string {
    return this.#text.slice(this.#at);
  }

  match(pattern: RegExp): string | null {
    const found = pattern.exec(this.rest())?.[0];
    if (found === undefined || found === '') return null;
    this.#at += found.length;
    return found;
  }

  skipWhitespace(): void {
    this.#at += WHITESPACE.exec(this.rest())?.[0].length ?? 0;
  }

  atEndOrComment(): boolean {
    return this.#at >= this.#text.length || this.peek() === '#';
  }

  expect(char: string, reason: string): void {
    if (this.peek() !== char) this.fail(reason);
    this.#at++;
  }

  fail(reason: string): never {
    throw new TomlSyntaxError(this.#number, reason);
  }
}
