/**
 * The source revision printed in a plan's footer: the short git commit when the plan is in a
 * repository, marked "+changes" when the file differs from that commit; otherwise "not in git".
 * Git is asked once per repository for the life of the process, one CLI run (not once per plan: a
 * 200-plan build would otherwise spend seconds starting git).
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
      maxBuffer: 1 << 28,
    });
  } catch {
    return undefined;
  }
}

interface Repository {
  commit: string;
  /** Absolute paths of files that differ from the commit (changed, added or untracked). */
  changed: Set<string>;
}

const byDir = new Map<string, Repository | null>();
const byTop = new Map<string, Repository>();

function repositoryOf(dir: string): Repository | undefined {
  const known = byDir.get(dir);
  if (known !== undefined) return known ?? undefined;
  let repo: Repository | undefined;
  const info = git(['rev-parse', '--show-toplevel', '--short=10', 'HEAD'], dir)?.trim().split('\n');
  if (info && info.length === 2) {
    const [top, commit] = info;
    repo = byTop.get(top);
    if (!repo) {
      const status = git(['status', '--porcelain', '-z', '--untracked-files=all'], top) ?? '';
      // Entries are "XY path"; a rename adds the old path as the next entry, which is skipped.
      const entries = status.split('\0');
      const changed = new Set<string>();
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        if (e.length < 4) continue;
        changed.add(resolve(top, e.slice(3)));
        if (e[0] === 'R' || e[0] === 'C') i++;
      }
      repo = { commit, changed };
      byTop.set(top, repo);
    }
  }
  byDir.set(dir, repo ?? null);
  return repo;
}

/** The repository's current commit (short), when `dir` is in a git repository. */
export function headCommit(dir: string): string | undefined {
  return repositoryOf(resolve(dir))?.commit;
}

export function sourceRevision(file: string): string {
  const repo = repositoryOf(dirname(resolve(file)));
  if (!repo) return 'not in git';
  return repo.changed.has(resolve(file)) ? `${repo.commit}+changes` : repo.commit;
}
