import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, TODAY } from '../helpers/plans.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI as a user would, without blocking the test worker, and fail if it has not ended
 * after `hangMs`: a hang detector, far above any expected time (not a speed assertion).
 */
export function runCliAsync(
  args: string[],
  cwd: string,
  options: { hangMs?: number; prefix?: string[] } = {},
): Promise<CliResult> {
  const withToday = ['lint', 'render'].includes(args[0]) ? [...args, '--today', TODAY] : args;
  const command = [...(options.prefix ?? []), process.execPath, join(ROOT, 'bin', 'continuity.js'), ...withToday];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command[0], command.slice(1), { cwd, env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`continuity ${args.join(' ')} did not finish in ${options.hangMs} ms: a hang`));
    }, options.hangMs ?? 240_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
