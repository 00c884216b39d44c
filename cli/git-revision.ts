/**
 * The source revision printed in a plan's footer: the short git commit when the plan is in a
 * repository, marked "+changes" when the file differs from that commit; otherwise "not in git".
 */
import { execFileSync } from 'node:child_process';
import { basename, dirname } from 'node:path';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
}

export function sourceRevision(file: string): string {
  const dir = dirname(file);
  const commit = git(['rev-parse', '--short=10', 'HEAD'], dir);
  if (!commit) return 'not in git';
  const changed = git(['status', '--porcelain', '--', basename(file)], dir);
  return changed ? `${commit}+changes` : commit;
}
