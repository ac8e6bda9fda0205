import { describe, expect, it } from 'vitest';
import { browserCommand } from './open-browser.js';

const URL_TO_OPEN = 'http://127.0.0.1:8000/device?code=BCDF-GHJK';

describe('browserCommand', () => {
  it.each([
    ['linux', { DISPLAY: ':0' }, { command: 'xdg-open', args: [URL_TO_OPEN] }],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, { command: 'xdg-open', args: [URL_TO_OPEN] }],
    ['darwin', {}, { command: 'open', args: [URL_TO_OPEN] }],
    ['win32', {}, { command: 'explorer.exe', args: [URL_TO_OPEN] }],
    ['linux', { BROWSER: 'firefox', DISPLAY: ':0' }, { command: 'firefox', args: [URL_TO_OPEN] }],
  ] as const)('on %s with %j opens with the right command', (platform, env, expected) => {
    expect(browserCommand(URL_TO_OPEN, { platform, env })).toEqual(expected);
  });

  it('finds no browser on a machine without a display (SSH): the URL is printed instead', () => {
    expect(browserCommand(URL_TO_OPEN, { platform: 'linux', env: {} })).toBeNull();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', '--help', 'ssh://host'])(
    'never opens %s, whatever the server answered',
    (url) => {
      expect(browserCommand(url, { platform: 'darwin', env: {} })).toBeNull();
    },
  );
});
