/**
 * Start headless Chrome/Chromium/Edge for printing: no network (not even for requests the page's
 * interception cannot see), no first-run, no sync, a fresh profile, and no sandbox when running as
 * root (containers, CI) where Chrome refuses otherwise.
 * The browser leaves nothing behind: its profile folder is removed and any of its processes still
 * running are killed when it exits, however it exits (closed, crashed, killed, or failed to start).
 */
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { launch, type Browser } from 'puppeteer-core';

export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Every request the browser itself makes goes to a proxy that is not there (loopback included), so
  // nothing reaches the network even where the page's request interception cannot see it:
  // <link rel=prefetch> and <link rel=preconnect> get past both interception and the page's CSP.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

/** Prefix of the temporary profile folder, in the system temporary folder. */
export const PROFILE_PREFIX = 'continuity-chrome-';

export function browserArgs(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root ? ['--no-sandbox', ...BROWSER_ARGS] : BROWSER_ARGS;
}

/** Remove a profile folder, and the folder Chromium keeps its single-instance socket in (which a crash leaves). */
function removeProfile(dir: string): void {
  try {
    const socketDir = dirname(readlinkSync(join(dir, 'SingletonSocket')));
    if (basename(socketDir).startsWith('org.chromium.Chromium.') || basename(socketDir).startsWith('com.google.Chrome.')) rmSync(socketDir, { recursive: true, force: true });
  } catch {
    // no socket link: nothing more to remove
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Kill what is left of the browser's process group. The browser is started in its own group
 * (puppeteer spawns it detached on Linux and macOS), so this reaches its zygote, renderer and GPU
 * processes. Called just after the browser's own process has gone, or while it is still running, so
 * the group id cannot yet belong to anything else.
 */
function killProcessGroup(pid: number | undefined): void {
  if (!pid || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left
  }
}

export async function launchBrowser(executablePath: string, timeoutMs = 30_000): Promise<Browser> {
  // Our own profile folder rather than puppeteer's: puppeteer leaves its temporary profile behind
  // when the browser cannot be started.
  const userDataDir = mkdtempSync(join(tmpdir(), PROFILE_PREFIX));
  let browser: Browser;
  try {
    browser = await launch({ executablePath, headless: true, args: browserArgs(), userDataDir, timeout: timeoutMs, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (e) {
    removeProfile(userDataDir);
    throw e;
  }
  const proc = browser.process();
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
    killProcessGroup(proc?.pid);
    removeProfile(userDataDir);
  } else {
    proc.once('exit', () => {
      killProcessGroup(proc.pid);
      removeProfile(userDataDir);
    });
  }
  return browser;
}

/**
 * Close a browser for good: politely first (unless it is known not to answer), then, if it has not
 * gone within `graceMs` (hung, stopped), by killing its processes. Resolves once its own process has
 * exited (or `graceMs` after the kill).
 */
export async function closeBrowser(browser: Browser, graceMs = 5_000, options: { polite?: boolean } = {}): Promise<void> {
  const proc = browser.process();
  const running = () => !!proc && proc.exitCode === null && proc.signalCode === null;
  const exited = running() ? new Promise<void>((resolve) => proc!.once('exit', () => resolve())) : Promise.resolve();
  const within = <T>(p: Promise<T>) => Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, graceMs, false).unref())]).catch(() => false);
  if (browser.connected && options.polite !== false) await within(browser.close());
  if (running()) {
    killProcessGroup(proc!.pid);
    if (running()) proc!.kill('SIGKILL');
    await within(exited);
  }
}
