// Processes by command line (Linux /proc), to find a test's own browser processes and to prove none
// are left. Tests give each browser a folder of their own (TMPDIR), whose path is in every Chromium
// process's command line, so other people's browsers on the same machine are never touched.
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  cmdline: string;
}

/** Live processes whose command line contains `text` (zombies have no command line and are not listed). */
export function processesMatching(text: string): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue; // gone meanwhile
    }
    if (cmdline.includes(text)) found.push({ pid: Number(entry), cmdline });
  }
  return found;
}

/** The browser's own (main) process among a test's Chromium processes: the one that is not a --type= helper. */
export function mainBrowserProcess(text: string): ProcessInfo | undefined {
  return processesMatching(text).find((p) => /chrom|msedge/i.test(p.cmdline) && !p.cmdline.includes('--type='));
}

/** Wait (up to `timeoutMs`, a safety net for a loaded machine) until no live process mentions `text`; returns those still there. */
export async function waitForNoProcesses(text: string, timeoutMs = 30_000): Promise<ProcessInfo[]> {
  const started = Date.now();
  for (;;) {
    const left = processesMatching(text);
    if (left.length === 0 || Date.now() - started > timeoutMs) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Last-resort cleanup after a failed test: kill, by pid, the processes a test started. */
export function killProcessesMatching(text: string): void {
  for (const p of processesMatching(text)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
