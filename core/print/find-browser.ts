/**
 * Which Chrome, Chromium or Edge prints the plan: an explicit path (option or editor setting), then
 * PUPPETEER_EXECUTABLE_PATH or CHROME_PATH, then the usual install locations on Linux, macOS and
 * Windows (every Windows practice PC has Edge). When none is found, the error says exactly how to
 * get one.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BrowserChoice {
  path: string;
  /** Why this one: "--browser option", "CHROME_PATH", "installed Microsoft Edge" ... */
  source: string;
}

export interface FindBrowserOptions {
  explicitPath?: string;
  /** Where the explicit path came from, for messages ("--browser option", "continuity.browserPath setting"). */
  explicitSource?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  isExecutable?: (path: string) => boolean;
}

export class BrowserNotFoundError extends Error {}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { path: string; name: string }[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const win = (sub: string, name: string) => roots.map((r) => ({ path: join(r, sub), name }));
    return [...win('Google\\Chrome\\Application\\chrome.exe', 'Google Chrome'), ...win('Chromium\\Application\\chrome.exe', 'Chromium'), ...win('Microsoft\\Edge\\Application\\msedge.exe', 'Microsoft Edge')];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '', 'Applications')];
    return apps.flatMap((a) => [
      { path: `${a}/Google Chrome.app/Contents/MacOS/Google Chrome`, name: 'Google Chrome' },
      { path: `${a}/Chromium.app/Contents/MacOS/Chromium`, name: 'Chromium' },
      { path: `${a}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`, name: 'Microsoft Edge' },
    ]);
  }
  return [
    { path: '/usr/bin/google-chrome-stable', name: 'Google Chrome' },
    { path: '/usr/bin/google-chrome', name: 'Google Chrome' },
    { path: '/opt/google/chrome/chrome', name: 'Google Chrome' },
    { path: '/usr/bin/chromium', name: 'Chromium' },
    { path: '/usr/bin/chromium-browser', name: 'Chromium' },
    { path: '/snap/bin/chromium', name: 'Chromium' },
    { path: '/usr/bin/microsoft-edge-stable', name: 'Microsoft Edge' },
    { path: '/usr/bin/microsoft-edge', name: 'Microsoft Edge' },
    { path: '/opt/microsoft/msedge/msedge', name: 'Microsoft Edge' },
  ];
}

export function installAdvice(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'Microsoft Edge is part of Windows: ask your IT service desk to reinstall or repair it, or install Google Chrome.';
  if (platform === 'darwin') return 'Install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge into Applications.';
  return "Install Chromium (Debian/Ubuntu: 'sudo apt-get install chromium'; Fedora: 'sudo dnf install chromium') or Google Chrome.";
}

export function findBrowser(options: FindBrowserOptions = {}): BrowserChoice {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const ok = options.isExecutable ?? executable;
  if (options.explicitPath) {
    const source = options.explicitSource ?? '--browser option';
    if (ok(options.explicitPath)) return { path: options.explicitPath, source };
    throw new BrowserNotFoundError(`The browser set by the ${source} (${options.explicitPath}) does not exist or cannot be run. Correct the path, or remove it to let the tools find Chrome, Chromium or Edge.`);
  }
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = env[name];
    if (!value) continue;
    if (ok(value)) return { path: value, source: name };
    throw new BrowserNotFoundError(`${name} is set to ${value}, which does not exist or cannot be run. Correct it or unset it.`);
  }
  for (const c of browserCandidates(platform, env)) if (ok(c.path)) return { path: c.path, source: `installed ${c.name}` };
  throw new BrowserNotFoundError(
    `No Chrome, Chromium or Edge browser was found to print the PDF. ${installAdvice(platform)} If one is installed somewhere else, give its path with --browser PATH or the CHROME_PATH environment variable (in VS Code: the continuity.browserPath setting). To print without a browser, use --format html and print the file from any browser.`,
  );
}
