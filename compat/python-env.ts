/**
 * The Python environment the compatibility suite runs the official OnePin client in: a
 * virtual environment with `pydantic>=2.7`, `httpx`, `typer`, `click`, `rich`, `packaging`
 * and the vendored `compat/vendor/onepin-python` installed unmodified (built from a copy,
 * its version given through setuptools-scm's documented override since the copy has no git
 * history). It lives outside the repository, keyed by the vendored tree's manifest and the
 * Python version, so CI builds it once per machine and a changed vendor tree gets a new one.
 *
 * `npx tsx compat/python-env.ts` prepares it and prints its `bin` directory (`.ci/run` does
 * this); the suite calls `preparePythonEnv()` and skips, saying why, when it cannot.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const VENDOR_DIR = fileURLToPath(new URL('./vendor/onepin-python/', import.meta.url));
export const MANIFEST = fileURLToPath(new URL('./vendor/onepin-python.sha256', import.meta.url));

/** What the official package declares (its pyproject.toml), pinned to a major where it does. */
const REQUIREMENTS = [
  'pydantic>=2.7,<3',
  'httpx>=0.27,<1',
  'typer>=0.12,<1',
  'click>=8.1',
  'rich>=13',
  'packaging>=23',
];

/**
 * The version the built package reports. The upstream tree is vendored without its git
 * history, so hatch-vcs cannot read one; setuptools-scm's documented override supplies it.
 */
export const VENDORED_VERSION = '0.0.0+vendored';

export type PythonEnv = { ok: true; bin: string } | { ok: false; reason: string };

/** pip's index options: the machine's local package mirror when it has one, else pip's own. */
function indexOptions(): string[] {
  if (process.env.ONEPIN_COMPAT_PIP_ARGS) return process.env.ONEPIN_COMPAT_PIP_ARGS.split(/\s+/);
  if (!existsSync('/opt/pypi/simple')) return [];
  return [
    '--index-url',
    'file:///opt/pypi/simple',
    ...(existsSync('/opt/pypi-more/simple')
      ? ['--extra-index-url', 'file:///opt/pypi-more/simple']
      : []),
    ...(existsSync('/opt/wheels') ? ['--find-links', '/opt/wheels'] : []),
  ];
}

async function pythonVersion(python: string): Promise<string | null> {
  try {
    const { stdout } = await run(python, ['-c', 'import sys; print(sys.version.split()[0])']);
    return stdout.trim();
  } catch {
    return null;
  }
}

/** Where the environment for this vendored tree and this Python lives. */
function envDir(version: string): string {
  const key = createHash('sha256')
    .update(readFileSync(MANIFEST))
    .update(version)
    .update(REQUIREMENTS.join(' '))
    .digest('hex')
    .slice(0, 16);
  const root =
    process.env.ONEPIN_COMPAT_VENV_ROOT ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'onepin-compat');
  return join(root, `venv-${key}`);
}

/** Creates the environment unless a complete one exists; explains what is missing otherwise. */
export async function preparePythonEnv(): Promise<PythonEnv> {
  const python = process.env.ONEPIN_COMPAT_PYTHON ?? 'python3';
  const version = await pythonVersion(python);
  if (version === null) return { ok: false, reason: `${python} was not found` };
  const dir = envDir(version);
  const bin = join(dir, 'bin');
  const ready = join(dir, '.ready');
  if (existsSync(ready)) return { ok: true, bin };

  // A half-built environment (an interrupted run) is started again from nothing.
  rmSync(dir, { recursive: true, force: true });
  const pip = join(bin, 'pip');
  const options = [
    '--disable-pip-version-check',
    '--no-input',
    '--retries',
    '1',
    '--timeout',
    '20',
    ...indexOptions(),
  ];
  // Built from a copy, so not even a build directory can appear in the vendored tree.
  const copy = mkdtempSync(join(tmpdir(), 'onepin-python-'));
  try {
    await run(python, ['-m', 'venv', dir]);
    await run(pip, ['install', '--quiet', ...options, ...REQUIREMENTS], { maxBuffer: 1 << 24 });
    cpSync(VENDOR_DIR, copy, { recursive: true });
    await run(pip, ['install', '--quiet', '--no-deps', ...options, copy], {
      env: { ...process.env, SETUPTOOLS_SCM_PRETEND_VERSION: VENDORED_VERSION },
      maxBuffer: 1 << 24,
    });
    writeFileSync(ready, `${new Date().toISOString()}\n`);
    return { ok: true, bin };
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    const detail = (stderr ?? String(error)).split('\n').filter(Boolean).slice(-3).join(' / ');
    return { ok: false, reason: `installing the official client failed: ${detail}` };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = await preparePythonEnv();
  if (!env.ok) {
    console.error(`compat: ${env.reason}`);
    process.exit(1);
  }
  console.log(env.bin);
}
