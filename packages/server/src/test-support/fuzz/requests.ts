import { apiKeyChecksum, BASE62_ALPHABET as BASE62 } from '@onepin/core';
import type { Operation, Schema } from './operations.js';
import type { Random } from './random.js';

/** A request as the fuzzer sends it; `body` may be any bytes. */
export interface FuzzRequest {
  method: string;
  /** Path and query, unescaped characters and all. */
  target: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** What the fuzzer knows of the world it attacks. */
export interface FuzzTargets {
  operations: readonly Operation[];
  /** A key holding every scope, so requests get past authentication to the validators. */
  validKey: string;
  /** Revoked, expired or otherwise unusable keys. */
  deadKeys: readonly string[];
  workspaceId: string;
  /** Ids of real objects the requests may name (never the fuzzing key's own). */
  objectIds: readonly string[];
}

/** A key-shaped string with a correct checksum that no one issued. */
function unissuedKey(random: Random, type = 'live'): string {
  const body = random.string(26, BASE62);
  return `op_${type}_${body}${apiKeyChecksum(body)}`;
}

/** Keys a client could plausibly get wrong. */
function almostValidKey(random: Random, key: string): string {
  const i = random.int(8, key.length - 1);
  const flip = (c: string) => (c === 'a' ? 'b' : 'a');
  return random.pick([
    () => key.slice(0, i) + flip(key[i] as string) + key.slice(i + 1),
    () => key.slice(0, -1),
    () => `${key}x`,
    () => key.toUpperCase(),
    () => key.replace('op_live_', 'op_test_'),
    () => key.replace('op_', 'sk_'),
    () => `op_live_${random.string(32, BASE62)}`,
    () => unissuedKey(random),
    () => unissuedKey(random, 'test'),
    () => ` ${key}`,
    () => encodeURIComponent(key),
  ])();
}

function authorization(random: Random, targets: FuzzTargets): string | undefined {
  const key = targets.validKey;
  return random.weighted<() => string | undefined>([
    [45, () => `Bearer ${key}`],
    [8, () => undefined],
    [8, () => `Bearer ${almostValidKey(random, key)}`],
    [5, () => `Bearer ${random.pick(targets.deadKeys)}`],
    [3, () => `bearer ${key}`],
    [2, () => `Bearer  ${key}`],
    [2, () => `Bearer\t${key}`],
    [2, () => `Bearer ${key} ${key}`],
    [2, () => key],
    [2, () => 'Bearer '],
    [2, () => 'Bearer'],
    [2, () => `Basic ${Buffer.from(`user:${key}`).toString('base64')}`],
    [2, () => `Token ${key}`],
    [2, () => `Bearer ${'A'.repeat(random.int(100, 8_000))}`],
    [2, () => `Bearer ${random.string(random.int(1, 60), `${BASE62}_-.~+/=`)}`],
    [1, () => ''],
    [1, () => ',,,;;;'],
  ])();
}

/** A path segment that is not an id: empty, traversal, encodings, huge, unicode, injections. */
function weirdSegment(random: Random): string {
  return random.pick([
    '',
    '.',
    '..',
    '%2e%2e',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%2f..%2f',
    '%00',
    '%zz',
    '%',
    '%ff%fe',
    '%c0%ae',
    encodeURIComponent('💥🦄'),
    encodeURIComponent("'; drop table api_keys; --"),
    encodeURIComponent('<script>alert(1)</script>'),
    'a'.repeat(random.int(101, 6_000)),
    '00000000-0000-0000-0000-000000000000',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '1e309',
    '-1',
    random.string(random.int(1, 40), `${BASE62}-_.~!$&'()*+,;=:@`),
    `op_live_${random.string(32, BASE62)}`,
  ]);
}

function fillPath(random: Random, targets: FuzzTargets, operation: Operation): string {
  let path = operation.path;
  for (const param of operation.pathParams) {
    const value = random.weighted<() => string>([
      [40, () => random.pick(targets.objectIds)],
      [20, () => crypto.randomUUID()],
      [40, () => weirdSegment(random)],
    ])();
    path = path.replace(`{${param}}`, value);
  }
  return random.weighted<() => string>([
    [85, () => path],
    [4, () => `${path}/`],
    [3, () => path.replace('/api/v1/', '/api/v1//')],
    [3, () => `${path}/${weirdSegment(random)}`],
    [2, () => path.toUpperCase()],
    [3, () => `/${path.split('/').slice(1, random.int(2, 5)).join('/')}`],
  ])();
}

/** `[[[…]]]`, shallow enough for the fuzzer's own JSON.stringify. */
function nestedArray(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values that break assumptions: wrong types, extremes, encodings, injections. */
function weirdValue(random: Random, depth = 0): unknown {
  return random.weighted<() => unknown>([
    [6, () => null],
    [3, () => true],
    [3, () => false],
    [3, () => 0],
    [3, () => -1],
    [3, () => 1.5],
    [2, () => 1e308],
    [2, () => -1e308],
    [2, () => Number.MAX_SAFE_INTEGER + 2],
    [3, () => ''],
    [2, () => ' '],
    [2, () => '\u0000'],
    [2, () => '\ud800'],
    [2, () => '🦄'.repeat(random.int(1, 200))],
    [3, () => 'a'.repeat(random.int(100, 200_000))],
    [3, () => String(random.int(-5, 100_000))],
    [2, () => 'true'],
    [2, () => 'null'],
    [2, () => '2026-13-45T25:61:61Z'],
    [2, () => '1970-01-01T00:00:00Z'],
    [2, () => '9999-12-31T23:59:59.999Z'],
    [2, () => "' OR 1=1 --"],
    [2, () => '<img src=x onerror=alert(1)>'],
    [2, () => '\r\nX-Injected: yes'],
    [3, () => []],
    [3, () => {}],
    [2, () => (depth < 3 ? [weirdValue(random, depth + 1), weirdValue(random, depth + 1)] : [])],
    [2, () => (depth < 3 ? { a: weirdValue(random, depth + 1) } : {})],
    [1, () => nestedArray(random.int(10, 3_000))],
  ])();
}

/** A string the schema's pattern accepts, from a few likely shapes. */
function validString(random: Random, schema: Schema): string {
  const candidates = [`fuzz ${random.int(0, 1e9)}`, `fuzz_${random.int(0, 1e6)}`, 'a'];
  let pattern: RegExp | undefined;
  try {
    // zod writes a flag into some patterns (`…$/u`); JSON Schema patterns are Unicode anyway.
    if (schema.pattern) pattern = new RegExp(schema.pattern.replace(/\/u$/, ''), 'u');
  } catch {
    pattern = undefined;
  }
  const fits = candidates.find((candidate) => !pattern || pattern.test(candidate));
  return (fits ?? 'a').slice(0, schema.maxLength ?? 100);
}

/** A value the schema accepts, so a body can be valid except for the field being attacked. */
function validValue(random: Random, schema: Schema): unknown {
  if (schema.enum && schema.enum.length > 0) return random.pick(schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  switch (type) {
    case 'string':
      return validString(random, schema);
    case 'integer':
    case 'number':
      return random.int(schema.minimum ?? 0, Math.min(schema.maximum ?? 1_000, 1_000_000));
    case 'boolean':
      return random.chance(0.5);
    case 'array':
      return schema.items ? [validValue(random, schema.items)] : [];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name]) => schema.required?.includes(name) || random.chance(0.3))
          .map(([name, property]) => [name, validValue(random, property)]),
      );
    default:
      return null;
  }
}

function validBody(random: Random, operation: Operation): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(operation.bodyFields ?? {})) {
    if (operation.requiredFields.includes(name) || random.chance(0.4)) {
      body[name] = validValue(random, schema);
    }
  }
  return body;
}

/** Deep nesting as text, at the top or in a field: the parser copes, but code that recurses
 * over the value (validation messages, JSON.stringify) may not. */
function deeplyNested(random: Random, fields: string[]): string {
  const depth = random.int(1_000, 100_000);
  const value = random.chance(0.5)
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return fields.length > 0 && random.chance(0.7)
    ? `{${JSON.stringify(random.pick(fields))}:${value}}`
    : value;
}

function body(random: Random, operation: Operation): string | Uint8Array | undefined {
  const base = () => validBody(random, operation);
  const fields = Object.keys(operation.bodyFields ?? {});
  return random.weighted<() => string | Uint8Array | undefined>([
    [15, () => JSON.stringify(base())],
    [
      30,
      () => {
        const b = base();
        const field =
          fields.length > 0 && random.chance(0.85) ? random.pick(fields) : 'unknown_field';
        b[field] = weirdValue(random);
        return JSON.stringify(b);
      },
    ],
    [
      4,
      () => {
        const json = JSON.stringify(base()).slice(1, -1);
        const pollution = random.pick([
          '"__proto__":{"polluted":"yes"}',
          '"constructor":{"prototype":{"polluted":"yes"}}',
          '"__proto__":null',
          '"prototype":{"polluted":"yes"}',
        ]);
        return `{${json}${json ? ',' : ''}${pollution}}`;
      },
    ],
    [6, () => JSON.stringify(weirdValue(random))],
    [
      8,
      () => {
        const json = JSON.stringify(base());
        return random.pick([
          json.slice(0, random.int(0, json.length - 1)),
          `${json.slice(0, -1)},}`,
          json.replaceAll('"', "'"),
          '{"a": NaN}',
          '{"a": Infinity}',
          '{"a": 1} // comment',
          `\ufeff${json}`,
          `${json}${json}`,
          '{"name":"a","name":"b"}',
          '{"a":"\\ud800"}',
          '{"a":"\\x41"}',
          'null',
          '"string"',
          '[]',
        ]);
      },
    ],
    [3, () => deeplyNested(random, fields)],
    [2, () => JSON.stringify({ name: 'x'.repeat(1_100_000) })],
    [5, () => random.pick(['', ' ', '\n\n', '\u0000'])],
    [5, () => random.bytes(random.int(1, 2_000))],
    [4, () => Buffer.from(JSON.stringify(base()), 'utf16le')],
    [18, () => undefined],
  ])();
}

function contentType(random: Random): string | undefined {
  return random.weighted<() => string | undefined>([
    [70, () => 'application/json'],
    [4, () => undefined],
    [3, () => 'application/json; charset=utf-8'],
    [3, () => 'application/json; charset=utf-16'],
    [3, () => 'text/plain'],
    [3, () => 'application/x-www-form-urlencoded'],
    [3, () => 'multipart/form-data; boundary=----x'],
    [2, () => 'application/vnd.api+json'],
    [2, () => 'application/octet-stream'],
    [2, () => ''],
    [2, () => 'application/json; charset='],
    [2, () => `application/${'x'.repeat(5_000)}`],
    [1, () => '*/*'],
  ])();
}

function query(random: Random, operation: Operation): string {
  if (!random.chance(0.35)) return '';
  const names = [...operation.queryParams.map((p) => p.name), 'limit', 'offset', 'x', '__proto__'];
  const values = [
    '-1',
    '0',
    '1',
    '100',
    '101',
    '1e2',
    '0x10',
    ' 5',
    'abc',
    '',
    '9'.repeat(400),
    'active',
    'revoked',
    'all',
    'ALL',
    '%00',
    '%zz',
    encodeURIComponent('💥'),
    'a'.repeat(random.int(100, 5_000)),
  ];
  const parts = Array.from(
    { length: random.int(1, 4) },
    () => `${random.pick(names)}=${random.pick(values)}`,
  );
  return `?${parts.join('&')}`;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'FOO'];

const OTHER_PATHS = [
  '/',
  '/health',
  '/ready',
  '/docs',
  '/openapi.json',
  '/api',
  '/api/v1',
  '/api/v1/',
  '/api/v2/auth/whoami',
  '//api/v1/auth/whoami',
  '/api/v1/auth/whoami/',
  '/API/V1/AUTH/WHOAMI',
  '/api/v1/%2e%2e/%2e%2e/health',
  '/api/v1/auth/..%2fwhoami',
  '/api/v1/api-keys/..',
];

/** One malformed (or, sometimes, valid) request aimed at a random operation. */
export function fuzzRequest(random: Random, targets: FuzzTargets): FuzzRequest {
  const operation = random.pick(targets.operations);
  const method = random.chance(0.8) ? operation.method : random.pick(METHODS);
  const path = random.chance(0.9) ? fillPath(random, targets, operation) : random.pick(OTHER_PATHS);
  const headers: Record<string, string> = {};
  const auth = authorization(random, targets);
  if (auth !== undefined) headers.authorization = auth;
  if (random.chance(0.15)) {
    headers['x-workspace-id'] = random.pick([
      targets.workspaceId,
      crypto.randomUUID(),
      '',
      'a'.repeat(random.int(1, 3_000)),
      targets.workspaceId.toUpperCase(),
      `${targets.workspaceId},${targets.workspaceId}`,
    ]);
  }
  if (random.chance(0.05))
    headers['x-forwarded-for'] = random.pick(['1.2.3.4', 'garbage', '', '::1, 10.0.0.1']);
  if (random.chance(0.05))
    headers.accept = random.pick(['text/html', '*/*', 'application/xml', '']);
  const sendsBody = method !== 'GET' && method !== 'HEAD' && random.chance(0.85);
  const payload = sendsBody ? body(random, operation) : undefined;
  if (payload !== undefined) {
    const type = contentType(random);
    if (type !== undefined) headers['content-type'] = type;
  }
  return {
    method,
    target: `${path}${query(random, operation)}`,
    headers,
    ...(payload !== undefined && { body: payload }),
  };
}
