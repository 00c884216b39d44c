/**
 * `continuity doctor`: which browser would print, why, and whether it starts. A failed launch is
 * explained with its usual causes and the fix (sandbox, missing libraries, shared memory).
 */
import { BrowserNotFoundError, findBrowser, type FindBrowserOptions } from './find-browser.js';
import { browserArgs, closeBrowser, launchBrowser } from './launch.js';

export interface DoctorReport {
  ok: boolean;
  lines: string[];
}

export function explainLaunchFailure(message: string): string {
  if (/No usable sandbox|setuid sandbox|namespace/i.test(message)) {
    return 'Chrome could not start its sandbox. Run as a normal (non-root) user, or in containers allow user namespaces; the tools already pass --no-sandbox when running as root.';
  }
  const lib = /error while loading shared libraries: ([^:\s]+)/.exec(message);
  if (lib) return `A library the browser needs is missing (${lib[1]}). On Debian/Ubuntu install the distribution's chromium package, which brings its libraries: sudo apt-get install chromium.`;
  if (/dev\/shm|shared memory/i.test(message)) return 'The browser ran out of shared memory (/dev/shm). In Docker, start the container with --shm-size=1g; the tools already pass --disable-dev-shm-usage.';
  if (/Timed out|timeout/i.test(message)) return 'The browser did not start in time. Check that it is not waiting on a first-run dialog or blocked by security software, and try again.';
  if (/ENOENT|not found/i.test(message)) return 'The browser file was not found. Check the path.';
  if (/EACCES|permission/i.test(message)) return 'The browser cannot be run (permission denied). Check the file is executable.';
  return 'Run the browser by hand with --headless --dump-dom about:blank to see its own error.';
}

export async function runDoctor(options: FindBrowserOptions = {}): Promise<DoctorReport> {
  const lines: string[] = [];
  let path: string;
  try {
    const choice = findBrowser(options);
    path = choice.path;
    lines.push(`Browser: ${choice.path}`, `Chosen because: ${choice.source}`);
  } catch (e) {
    if (e instanceof BrowserNotFoundError) return { ok: false, lines: [`Browser: none found`, e.message] };
    throw e;
  }
  lines.push(`Launch flags: ${browserArgs().join(' ')}`);
  const started = Date.now();
  try {
    const browser = await launchBrowser(path, 20_000);
    try {
      const version = await browser.version();
      const page = await browser.newPage();
      await page.setContent('<p>ok</p>');
      const pdf = await page.pdf({ format: 'A4' });
      lines.push(`Started: ${version} in ${Date.now() - started} ms; printed a test page (${pdf.length} bytes).`, 'Ready to print PDFs.');
    } finally {
      await closeBrowser(browser);
    }
    return { ok: true, lines };
  } catch (e) {
    const message = (e as Error).message;
    lines.push(`The browser did not start: ${message.split('\n').slice(0, 3).join(' ')}`, `Fix: ${explainLaunchFailure(message)}`);
    return { ok: false, lines };
  }
}
