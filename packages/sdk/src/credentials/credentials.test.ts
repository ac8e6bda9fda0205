import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '@onepin/core';
import {
  credentialsPath,
  listProfiles,
  loadCredentials,
  readProfile,
  removeProfile,
  saveProfile,
} from '@onepin/sdk/credentials';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsError, OnePinConfigurationError } from '../index.js';

const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

let home: string;
let dir: string;
let path: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'onepin-home-'));
  dir = join(home, '.onepin');
  path = join(dir, 'credentials');
});
afterEach(() => rm(home, { recursive: true, force: true }));

async function writeCredentials(text: string, fileMode = 0o600, dirMode = 0o700) {
  await mkdir(dir, { recursive: true, mode: dirMode });
  await chmod(dir, dirMode);
  await writeFile(path, text, { mode: fileMode });
  await chmod(path, fileMode);
}

async function failure(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a CredentialsError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  expect(error).toBeInstanceOf(OnePinConfigurationError);
  return error as CredentialsError;
}

const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('credentialsPath', () => {
  it('is ~/.onepin/credentials under the current HOME', () => {
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(credentialsPath()).toBe(join(home, '.onepin', 'credentials'));
    } finally {
      process.env.HOME = saved;
    }
  });
});

describe('loadCredentials', () => {
  it('reads the default profile, or the one named', async () => {
    const live = generateApiKey('live');
    const test = generateApiKey('test');
    await writeCredentials(
      `[default]\napi_key = "${live}"\n\n[staging]\napi_key = "${test}"\nbase_url = "https://staging.example.com"\n`,
    );
    await expect(loadCredentials({ path })).resolves.toEqual({
      profile: 'default',
      path,
      apiKey: live,
      baseUrl: undefined,
      createdVia: undefined,
    });
    await expect(loadCredentials({ path, profile: 'staging' })).resolves.toMatchObject({
      apiKey: test,
      baseUrl: 'https://staging.example.com',
    });
    await expect(listProfiles({ path })).resolves.toEqual(['default', 'staging']);
  });

  it('uses ~/.onepin/credentials by default', async () => {
    const key = generateApiKey('live');
    await writeCredentials(`[default]\napi_key = "${key}"\n`);
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      await expect(loadCredentials()).resolves.toMatchObject({ apiKey: key, path });
    } finally {
      process.env.HOME = saved;
    }
  });

  it.each([
    ['no file', null, undefined, /No credentials for profile "default".*onepin login/],
    ['no such profile', '[default]\napi_key = "k"\n', 'prod', /--profile prod/],
    [
      'a profile without api_key',
      '[default]\nbase_url = "http://x"\n',
      undefined,
      /has no api_key/,
    ],
  ])('says CREDENTIALS_NOT_FOUND for %s', async (_, text, profile, message) => {
    if (text !== null) await writeCredentials(text);
    const error = await failure(loadCredentials({ path, profile }));
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(path);
  });

  it('readProfile answers null instead, and a base URL alone is a profile', async () => {
    await expect(readProfile({ path })).resolves.toBeNull();
    await writeCredentials('[default]\nbase_url = "http://x"\n');
    await expect(readProfile({ path })).resolves.toEqual({
      profile: 'default',
      path,
      apiKey: undefined,
      baseUrl: 'http://x',
      createdVia: undefined,
    });
    await expect(readProfile({ path, profile: 'other' })).resolves.toBeNull();
  });

  it('refuses malformed TOML, naming the file and the line', async () => {
    await writeCredentials('[default]\napi_key = "op_live_x\n');
    const error = await failure(loadCredentials({ path }));
    expect(error.code).toBe('MALFORMED_CREDENTIALS');
    expect(error.message).toBe(`Malformed credentials file ${path}: line 2: unterminated string.`);
  });

  it('refuses a value of the wrong type', async () => {
    await writeCredentials('[default]\napi_key = 42\n');
    const error = await failure(loadCredentials({ path }));
    expect(error.code).toBe('MALFORMED_CREDENTIALS');
    expect(error.message).toMatch(/line 2: api_key must be a "string"/);
  });

  describe.skipIf(!posix)('permissions', () => {
    it.each(['644', '640', '604', '660', '666'])('refuses a file with mode %s', async (octal) => {
      const fileMode = Number.parseInt(octal, 8);
      await writeCredentials(`[default]\napi_key = "${generateApiKey('live')}"\n`, fileMode);
      const error = await failure(loadCredentials({ path }));
      expect(error.code).toBe('INSECURE_CREDENTIALS_FILE');
      expect(error.path).toBe(path);
      expect(error.message).toContain(`chmod 600 ${path}`);
    });

    it('accepts 0400, 0600 and 0700 (no group or other bits)', async () => {
      for (const fileMode of [0o400, 0o600, 0o700]) {
        await writeCredentials(`[default]\napi_key = "k"\n`, fileMode);
        await expect(loadCredentials({ path })).resolves.toMatchObject({ apiKey: 'k' });
        await chmod(path, 0o600);
      }
    });

    it('refuses a directory others can write to', async () => {
      await writeCredentials('[default]\napi_key = "k"\n', 0o600, 0o777);
      const error = await failure(loadCredentials({ path }));
      expect(error.code).toBe('INSECURE_CREDENTIALS_FILE');
      expect(error.message).toContain(`chmod 700 ${dir}`);
    });

    it('refuses a symlinked file, even to a private file', async () => {
      await mkdir(dir, { mode: 0o700 });
      const real = join(dir, 'real');
      await writeFile(real, '[default]\napi_key = "k"\n', { mode: 0o600 });
      await symlink(real, path);
      const error = await failure(loadCredentials({ path }));
      expect(error.code).toBe('INSECURE_CREDENTIALS_FILE');
      expect(error.message).toMatch(/symbolic link/);
    });

    it('refuses a symlinked directory', async () => {
      const real = join(home, 'elsewhere');
      await mkdir(real, { mode: 0o700 });
      await writeFile(join(real, 'credentials'), '[default]\napi_key = "k"\n', { mode: 0o600 });
      await symlink(real, dir);
      const error = await failure(loadCredentials({ path }));
      expect(error.code).toBe('INSECURE_CREDENTIALS_FILE');
      expect(error.path).toBe(dir);
    });

    it.skipIf(!isRoot)("refuses another user's file or directory", async () => {
      await writeCredentials('[default]\napi_key = "k"\n');
      await chown(path, 12345, 12345);
      const error = await failure(loadCredentials({ path }));
      expect(error.message).toMatch(/belongs to another user/);
      await chown(path, 0, 0);
      await chown(dir, 12345, 12345);
      expect((await failure(loadCredentials({ path }))).path).toBe(dir);
    });
  });
});

describe('saveProfile and removeProfile', () => {
  it('creates the directory 0700 and the file 0600, atomically', async () => {
    const key = generateApiKey('live');
    await expect(saveProfile('default', { apiKey: key }, { path })).resolves.toEqual({ path });
    expect(await readFile(path, 'utf8')).toBe(`[default]\napi_key = "${key}"\n`);
    if (posix) {
      expect(await mode(dir)).toBe(0o700);
      expect(await mode(path)).toBe(0o600);
    }
    expect(await readdir(dir)).toEqual(['credentials']);
    await expect(loadCredentials({ path })).resolves.toMatchObject({ apiKey: key });
  });

  it('records that device login made the key, and forgets it when another key is saved', async () => {
    const device = generateApiKey('live');
    await saveProfile('default', { apiKey: device, createdVia: 'device_login' }, { path });
    expect(await readFile(path, 'utf8')).toBe(
      `[default]\napi_key = "${device}"\ncreated_via = "device_login"\n`,
    );
    await expect(readProfile({ path })).resolves.toMatchObject({ createdVia: 'device_login' });
    const pasted = generateApiKey('live');
    await saveProfile('default', { apiKey: pasted }, { path });
    expect(await readFile(path, 'utf8')).toBe(`[default]\napi_key = "${pasted}"\n`);
    await expect(readProfile({ path })).resolves.toMatchObject({ createdVia: undefined });
  });

  it.skipIf(!posix)('tightens an existing directory and file', async () => {
    await writeCredentials('[default]\napi_key = "old"\n', 0o644, 0o755);
    await saveProfile('default', { apiKey: generateApiKey('live') }, { path });
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
  });

  it('keeps other tables and comments, and updates a profile in place', async () => {
    const [a, b, c] = [generateApiKey('live'), generateApiKey('test'), generateApiKey('live')];
    const original = [
      '# My OnePin profiles',
      '',
      '[default]',
      `api_key = "${a}"`,
      '# keep this note',
      'base_url = "http://127.0.0.1:8000"',
      '',
      '# staging below',
      '[staging]',
      `api_key = "${b}"`,
      'colour = "blue"',
      '',
    ].join('\n');
    await writeCredentials(original);

    await saveProfile('staging', { apiKey: c, baseUrl: 'https://staging.example.com/' }, { path });
    expect(await readFile(path, 'utf8')).toBe(
      [
        '# My OnePin profiles',
        '',
        '[default]',
        `api_key = "${a}"`,
        '# keep this note',
        'base_url = "http://127.0.0.1:8000"',
        '',
        '# staging below',
        '[staging]',
        `api_key = "${c}"`,
        'colour = "blue"',
        'base_url = "https://staging.example.com"',
        '',
      ].join('\n'),
    );

    await saveProfile('default', { apiKey: b }, { path });
    const text = await readFile(path, 'utf8');
    expect(text).toContain(`[default]\napi_key = "${b}"\n# keep this note\n\n# staging below`);
    expect(text).not.toContain('http://127.0.0.1:8000');

    await saveProfile('prod', { apiKey: a }, { path });
    expect(await readFile(path, 'utf8')).toMatch(
      /colour = "blue"\nbase_url = "https:\/\/staging\.example\.com"\n\n\[prod\]\napi_key = ".*"\n$/,
    );
    await expect(listProfiles({ path })).resolves.toEqual(['default', 'staging', 'prod']);
  });

  it('removes one table only, keeps comments, and the file goes with the last table', async () => {
    const [a, b] = [generateApiKey('live'), generateApiKey('live')];
    await writeCredentials(
      `# mine\n[default]\napi_key = "${a}"\n\n# the staging server\n[staging]\napi_key = "${b}"\n`,
    );
    await expect(removeProfile('default', { path })).resolves.toBe(true);
    expect(await readFile(path, 'utf8')).toBe(
      `# mine\n\n# the staging server\n[staging]\napi_key = "${b}"\n`,
    );
    await expect(removeProfile('default', { path })).resolves.toBe(false);
    await expect(removeProfile('staging', { path })).resolves.toBe(true);
    await expect(lstat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(removeProfile('staging', { path })).resolves.toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('quotes nothing it does not need to, and round-trips unusual base URLs', async () => {
    const key = generateApiKey('test');
    await saveProfile('ci_2', { apiKey: key, baseUrl: 'https://h.example/onepin' }, { path });
    await expect(loadCredentials({ path, profile: 'ci_2' })).resolves.toMatchObject({
      apiKey: key,
      baseUrl: 'https://h.example/onepin',
    });
  });

  it.each([
    ['a bad profile name', 'two words', { apiKey: generateApiKey('live') }, /profile name/],
    ['a malformed key', 'default', { apiKey: 'op_live_nope' }, /not a valid OnePin key/],
    [
      'a non-http base URL',
      'default',
      { apiKey: generateApiKey('live'), baseUrl: 'ftp://x' },
      /http or https/,
    ],
  ])('refuses %s and writes nothing', async (_, profile, values, message) => {
    const error = await failure(saveProfile(profile, values, { path }));
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toMatch(message);
    await expect(lstat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('will not overwrite a file it cannot parse', async () => {
    await writeCredentials('[default\n');
    const error = await failure(saveProfile('x', { apiKey: generateApiKey('live') }, { path }));
    expect(error.code).toBe('MALFORMED_CREDENTIALS');
    expect(await readFile(path, 'utf8')).toBe('[default\n');
  });

  it.skipIf(!posix)('refuses to write through a symlink', async () => {
    await mkdir(dir, { mode: 0o700 });
    const target = join(home, 'target');
    await writeFile(target, '', { mode: 0o600 });
    await symlink(target, path);
    const error = await failure(
      saveProfile('default', { apiKey: generateApiKey('live') }, { path }),
    );
    expect(error.code).toBe('INSECURE_CREDENTIALS_FILE');
    expect(await readFile(target, 'utf8')).toBe('');
    const linkedDir = join(home, 'linked');
    await symlink(dir, linkedDir);
    const viaDir = await failure(
      removeProfile('default', { path: join(linkedDir, 'credentials') }),
    );
    expect(viaDir.path).toBe(linkedDir);
  });
});
