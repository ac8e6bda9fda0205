import { describe, expect, it } from 'vitest';
import { formatKey, formatString, parseToml, TomlSyntaxError } from './toml.js';

function tables(text: string) {
  return Object.fromEntries(
    parseToml(text).tables.map((table) => [
      table.name,
      Object.fromEntries([...table.entries].map(([key, entry]) => [key, entry.value])),
    ]),
  );
}

function failure(text: string): TomlSyntaxError {
  try {
    parseToml(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TomlSyntaxError);
    return error as TomlSyntaxError;
  }
  throw new Error('expected a TomlSyntaxError');
}

describe('parseToml', () => {
  it('reads tables of string values, with comments and blank lines', () => {
    const text = [
      '# OnePin credentials',
      '',
      '[default]',
      'api_key = "op_live_abc" # trailing comment',
      "base_url = 'http://127.0.0.1:8000'",
      '',
      '  [ "my staging" ]  # quoted name',
      '\tapi_key="k2"',
      'verbose = true',
      'retries = 1_000',
      '',
    ].join('\r\n');
    expect(tables(text)).toEqual({
      default: { api_key: 'op_live_abc', base_url: 'http://127.0.0.1:8000' },
      'my staging': { api_key: 'k2', verbose: true, retries: 1000 },
    });
    const document = parseToml(text);
    expect(document.tables.map((t) => [t.header, t.end])).toEqual([
      [2, 6],
      [6, 11],
    ]);
  });

  it.each([
    ['"a\\"b\\\\c"', 'a"b\\c'],
    ['"tab\\tnew\\nline"', 'tab\tnew\nline'],
    ['"\\u00e9\\U0001F600"', 'é😀'],
    ["'C:\\path\\no-escapes'", 'C:\\path\\no-escapes'],
    ['"# not a comment"', '# not a comment'],
    ['""', ''],
    ['-42', -42],
    ['false', false],
  ])('reads the value %s', (value, expected) => {
    expect(tables(`[t]\nv = ${value}`).t?.v).toEqual(expected);
  });

  it('keeps key/value pairs before the first table apart', () => {
    const document = parseToml('version = 1\n[default]\napi_key = "k"\n');
    expect(document.rootEntries.map((e) => e.key)).toEqual(['version']);
    expect(document.tables.map((t) => t.name)).toEqual(['default']);
  });

  it.each([
    ['[default', 1, /expected `]`/],
    ['[default]\napi_key = "unterminated', 2, /unterminated string/],
    ['[default]\napi_key', 2, /expected `=`/],
    ['[default]\napi_key = ', 2, /expected a value/],
    ['[default]\napi_key = op_live_bare', 2, /unsupported value/],
    ['[default]\napi_key = "k" extra', 2, /unexpected text/],
    ['[default]\napi_key = "k"\napi_key = "k2"', 3, /appears twice/],
    ['[a]\n[b]\n[a]', 3, /defined twice/],
    ['[[profiles]]', 1, /arrays of tables/],
    ['[a.b]', 1, /dotted keys/],
    ['[t]\na.b = "x"', 2, /dotted keys/],
    ['[t]\nv = """multi"""', 2, /multi-line/],
    ['[t]\nv = [1, 2]', 2, /unsupported value/],
    ['[t]\nv = { a = 1 }', 2, /unsupported value/],
    ['[t]\nv = 1979-05-27', 2, /unsupported value/],
    ['[t]\nv = 3.14', 2, /unsupported value/],
    ['[t]\nv = "\\x41"', 2, /invalid escape/],
    ['[t]\nv = "\\uD800"', 2, /invalid unicode escape/],
    ['[t]\nv = "bell\u0007"', 2, /control characters/],
    ['[t] [u]', 1, /unexpected text after the table header/],
    ['= "no key"', 1, /expected a key/],
  ])('refuses %j at line %i', (text, line, reason) => {
    const error = failure(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(reason);
    expect(error.message.startsWith(`line ${line}: `)).toBe(true);
  });
});

describe('formatString and formatKey', () => {
  it.each(['plain', 'with "quotes" and \\ backslash', 'line\nbreak\ttab', 'é😀', '\u0000\u007f'])(
    'round-trips %j',
    (value) => {
      expect(tables(`[t]\nv = ${formatString(value)}`).t?.v).toBe(value);
    },
  );

  it('quotes only names that are not bare keys', () => {
    expect(formatKey('default')).toBe('default');
    expect(formatKey('my-profile_2')).toBe('my-profile_2');
    expect(formatKey('my staging')).toBe('"my staging"');
  });
});
