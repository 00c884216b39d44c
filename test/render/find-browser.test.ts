// Browser resolution order and the messages when none is found, on every platform.
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../core/print/find-browser.js';
import { explainLaunchFailure } from '../../core/print/doctor.js';

const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('findBrowser', () => {
  it('prefers the explicit path, then PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, then installed browsers', () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: '/opt/a', CHROME_PATH: '/opt/b' };
    const all = only('/x/chrome', '/opt/a', '/opt/b', '/usr/bin/chromium');
    expect(findBrowser({ explicitPath: '/x/chrome', env, platform: 'linux', isExecutable: all })).toEqual({
      path: '/x/chrome',
      source: '--browser option',
    });
    expect(findBrowser({ env, platform: 'linux', isExecutable: all }).source).toBe('PUPPETEER_EXECUTABLE_PATH');
    expect(findBrowser({ env: { CHROME_PATH: '/opt/b' }, platform: 'linux', isExecutable: all }).source).toBe(
      'CHROME_PATH',
    );
    expect(findBrowser({ env: {}, platform: 'linux', isExecutable: all })).toEqual({
      path: '/usr/bin/chromium',
      source: 'installed Chromium',
    });
  });
  it('finds Edge on Windows and Chrome on macOS', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    // path.join on this machine uses '/', so compare on the file name and the chosen kind
    const win = findBrowser({ env, platform: 'win32', isExecutable: (p) => p.replace(/\//g, '\\') === edge });
    expect(win.source).toBe('installed Microsoft Edge');
    const mac = findBrowser({
      env: { HOME: '/Users/pm' },
      platform: 'darwin',
      isExecutable: only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    });
    expect(mac.source).toBe('installed Google Chrome');
  });
  it('a wrong explicit path or variable is an error, not silently ignored', () => {
    expect(() => findBrowser({ explicitPath: '/nope', env: {}, platform: 'linux', isExecutable: () => false })).toThrow(
      /browser set by the --browser option \(\/nope\) does not exist/,
    );
    expect(() =>
      findBrowser({ env: { CHROME_PATH: '/nope' }, platform: 'linux', isExecutable: only('/usr/bin/chromium') }),
    ).toThrow(/CHROME_PATH is set to \/nope/);
  });
  it('says exactly how to get a browser when none is installed', () => {
    for (const [platform, advice] of [
      ['linux', /apt-get install chromium/],
      ['win32', /Microsoft Edge is part of Windows/],
      ['darwin', /Install Google Chrome/],
    ] as const) {
      try {
        findBrowser({ env: {}, platform, isExecutable: () => false });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(BrowserNotFoundError);
        expect((e as Error).message).toMatch(advice);
        expect((e as Error).message).toMatch(/--browser PATH or the CHROME_PATH/);
        expect((e as Error).message).toMatch(/--format html/);
      }
    }
  });
  it('explains launch failures with their fix', () => {
    expect(explainLaunchFailure('No usable sandbox! Update your kernel')).toMatch(/sandbox/);
    expect(explainLaunchFailure('error while loading shared libraries: libnss3.so: cannot open')).toMatch(
      /libnss3.so.*apt-get install chromium/,
    );
    expect(explainLaunchFailure('Failed to create /dev/shm file')).toMatch(/--shm-size/);
  });
});
