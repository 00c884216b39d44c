// Writes the command reference into docs/cli.md, between `<!-- cli-options:start -->` and
// `<!-- cli-options:end -->`, from cli/command-table.ts: the same table the parser and each command's
// --help are made from, so the page cannot drift from what the CLI accepts. The prose around the
// markers is written by hand. Run after `npm run build` (`npm run generate` does both); CI runs it and
// fails on any difference.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { optionListsMarkdown } = await import(join(root, 'dist', 'cli', 'command-table.js'));

const page = join(root, 'docs', 'cli.md');
const markers = /<!-- cli-options:start -->[\s\S]*<!-- cli-options:end -->/;
const text = readFileSync(page, 'utf8');
if (!markers.test(text)) {
  console.error('docs/cli.md has lost its <!-- cli-options:start --> and <!-- cli-options:end --> markers');
  process.exit(1);
}
writeFileSync(
  page,
  text.replace(markers, () => `<!-- cli-options:start -->\n${optionListsMarkdown()}\n<!-- cli-options:end -->`),
);
console.log('wrote the command reference in docs/cli.md');
