// The extension's own page (extension/README.md) is what the Marketplace and VS Code's Extensions view
// show: its pictures must be in the package, and it must describe every setting the extension has.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { relativeLinks } from '../helpers/markdown-links.js';
import { ROOT } from '../helpers/plans.js';

const EXTENSION = join(ROOT, 'extension');
const page = readFileSync(join(EXTENSION, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));

describe('extension/README.md', () => {
  it('links only to files inside the extension that the package includes', async () => {
    // vsce's own list of what `npm run package` puts in the .vsix (after .vscodeignore)
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
      cwd: EXTENSION,
    });
    const packaged = new Set(stdout.trim().split('\n'));
    const targets = relativeLinks(page).map(({ url }) => posix.normalize(decodeURIComponent(url.split('#')[0])));
    expect(targets.filter((t) => t !== '.').length).toBeGreaterThanOrEqual(2);
    for (const target of targets.filter((t) => t !== '.')) expect(packaged, target).toContain(target);
  }, 60_000);

  it('describes every setting the extension contributes', () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    expect(settings.length).toBeGreaterThan(0);
    for (const setting of settings) expect(page, setting).toContain(`\`${setting}\``);
  });
});
