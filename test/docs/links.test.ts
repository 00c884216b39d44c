// Every relative link and #anchor in the README, docs/ and the extension's page resolves as GitHub
// resolves it; and the check itself fails on each kind of broken link.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempWorkspace } from '../helpers/cli.js';
import { brokenLinks, githubSlug, pageAnchors } from '../helpers/markdown-links.js';
import { ROOT } from '../helpers/plans.js';

const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'extension/README.md',
];

const shown = (broken: ReturnType<typeof brokenLinks>) => broken.map((b) => `${b.page}:${b.line} ${b.url}: ${b.problem}`);

describe('documentation links', () => {
  it('every relative link and anchor in the README, docs/ and extension/README.md resolves', () => {
    expect(pages.length).toBeGreaterThan(8);
    expect(shown(brokenLinks(ROOT, pages))).toEqual([]);
  });
});

describe('anchors as GitHub makes them', () => {
  it('lower case, punctuation dropped, spaces to hyphens, letters of any script kept', () => {
    expect(githubSlug('Printing: continuity render')).toBe('printing-continuity-render');
    expect(githubSlug("Practices' own headings")).toBe('practices-own-headings');
    expect(githubSlug('Completing a plan: --fix --add-missing')).toBe('completing-a-plan---fix---add-missing');
    expect(githubSlug('schema/required-section')).toBe('schemarequired-section');
    expect(githubSlug('Café & Co. (v2.0)?')).toBe('café--co-v20');
    expect(githubSlug('snake_case stays')).toBe('snake_case-stays');
  });

  it('numbers repeated headings, reads the text inside code and links, and knows no {#id}', () => {
    const anchors = pageAnchors(
      [
        '# Notes',
        '## Notes',
        '## Notes',
        '## `continuity.config.json`',
        '## See [the rules](rules.md)',
        '## Phones down {#telephony}',
        '<a id="kept"></a>',
      ].join('\n\n'),
    );
    expect([...anchors]).toEqual([
      'notes',
      'notes-1',
      'notes-2',
      'continuityconfigjson',
      'see-the-rules',
      'phones-down-telephony',
      'kept',
    ]);
  });
});

describe('the link check fails on a broken link', () => {
  it('names each broken link with its page, line and what is wrong, and passes the good ones', () => {
    const root = tempWorkspace(false);
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs', 'guide.md'), '# Guide\n\n## Set up\n\n## Set up\n\n## Phones down {#telephony}\n');
    writeFileSync(join(root, 'docs', 'picture.png'), 'not really a picture');
    writeFileSync(
      join(root, 'README.md'),
      [
        '# Readme',
        '',
        '## Local part',
        '',
        '[good](docs/guide.md) [good](docs/guide.md#set-up-1) [good](docs/guide.md#phones-down-telephony)',
        '[good](#local-part) [good](docs) ![good](docs/picture.png) [good](https://example.org/none.md)',
        '',
        '[missing file](docs/missing.md)',
        '[missing anchor](docs/guide.md#set-up-2)',
        '[id syntax is not an anchor](docs/guide.md#telephony)',
        '[missing local anchor](#nowhere)',
        '[out of the repository](../README.md)',
        '![missing picture](docs/gone.png)',
        '[a reference][ref]',
        '<a href="docs/old.md">raw HTML</a>',
        '',
        '[ref]: docs/removed.md',
        '',
        '```markdown',
        '[not a link](in-a-code-block.md)',
        '```',
      ].join('\n'),
    );
    expect(shown(brokenLinks(root, ['README.md']))).toEqual([
      'README.md:8 docs/missing.md: docs/missing.md does not exist',
      'README.md:9 docs/guide.md#set-up-2: docs/guide.md has no heading or id with the anchor #set-up-2',
      'README.md:10 docs/guide.md#telephony: docs/guide.md has no heading or id with the anchor #telephony',
      'README.md:11 #nowhere: README.md has no heading or id with the anchor #nowhere',
      'README.md:12 ../README.md: it leads out of the repository',
      'README.md:13 docs/gone.png: docs/gone.png does not exist',
      'README.md:15 docs/old.md: docs/old.md does not exist',
      'README.md:17 docs/removed.md: docs/removed.md does not exist',
    ]);
  });
});
