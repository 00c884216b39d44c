/**
 * Start headless Chrome/Chromium/Edge for printing: no network services, no first-run, no sync, a
 * fresh profile, and no sandbox when running as root (containers, CI) where Chrome refuses otherwise.
 */
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
];

export function browserArgs(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root ? ['--no-sandbox', ...BROWSER_ARGS] : BROWSER_ARGS;
}

export async function launchBrowser(executablePath: string, timeoutMs = 30_000): Promise<Browser> {
  // puppeteer creates a fresh temporary profile and removes it on close.
  return launch({ executablePath, headless: true, args: browserArgs(), timeout: timeoutMs, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}
