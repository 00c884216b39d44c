/**
 * Shared content comes from files the repository tracks: git's own folder, .env files and git-ignored
 * files are refused (an include of `.git/config` would otherwise print the remote's credentials).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';
import { sharedFile, tempRepository, withShared } from '../helpers/shared-content.js';

describe('shared content: private files are never included', () => {
  it('.git/config, .env and a git-ignored file are shared-content errors, and none of their text reaches the plan', () => {
    const secret = 'token=ghp_SECRET_VALUE_123';
    const root = tempRepository({
      'shared/ok.md': sharedFile('ok', 'Ring the ICB duty line.\n'),
      '.env': `${secret}\n`,
      'shared/local.md': `## Mutual aid\n\n${secret}\n`,
      '.gitignore': 'shared/local.md\n',
    });
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(
      join(root, '.git/config'),
      readFileSync(join(root, '.git/config'), 'utf8') +
        `[remote "origin"]\n\turl = https://user:${secret}@example.invalid/r.git\n`,
    );
    const includes = ['../.git/config', '../.env', '../shared/local.md', '../shared/ok.md']
      .map((p) => `<!-- include: ${p} -->\n`)
      .join('\n');
    const plan = withShared(replaceOnce(cleanPlan(), '## Telephony failure\n', `## Telephony failure\n\n${includes}`), [
      '../shared/local.md',
    ]);
    const path = join(root, 'plans/practice.md');
    const result = checkPlan(plan, { today: TODAY, path });
    const shared = result.diagnostics.filter((d) => d.ruleId === 'shared-content');
    expect(shared.map((d) => d.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(shared[0].message).toContain("'../shared/local.md' cannot be used: git ignores it");
    expect(shared[1].message).toContain("'../.git/config' cannot be used: it is inside git's own folder (.git)");
    expect(shared[2].message).toContain("'../.env' cannot be used: it is an environment file (.env)");
    expect(shared[3].message).toContain('git ignores it');
    expect(result.doc!.text).toContain('Ring the ICB duty line.');
    expect(result.doc!.text).not.toContain('SECRET');
    expect(JSON.stringify(result.diagnostics)).not.toContain('SECRET');
  });
});
