import { spawn } from 'node:child_process';

/** Where the environment can show a browser, and with which command. */
export interface BrowserEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The command that opens `url` in a browser, as gh does: `$BROWSER` when set, else the
 * platform's opener (`open`, `xdg-open` where a display is, `explorer` on Windows); `null`
 * where none can (a server over SSH without a display). The URL is one argument, never
 * through a shell, and only http(s) is ever opened.
 */
export function browserCommand(
  url: string,
  { platform, env }: BrowserEnvironment,
): { command: string; args: string[] } | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const chosen = env.BROWSER?.trim();
  if (chosen) return { command: chosen, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'explorer.exe', args: [url] };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { command: 'xdg-open', args: [url] };
  return null;
}

/** Opens `url` in the person's browser; resolves to whether an opener started. */
export function openBrowser(url: string, environment: BrowserEnvironment): Promise<boolean> {
  const opener = browserCommand(url, environment);
  if (opener === null) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
