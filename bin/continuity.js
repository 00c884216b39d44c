#!/usr/bin/env node
// Entry point: runs the built CLI (dist/). `npm ci` builds it (prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A closed stdout (`continuity lint plans | head -1`) is the reader saying it has seen enough, not a
// failure: stop quietly with exit 0, as other command-line tools do, instead of an EPIPE stack trace.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});

const built = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write(
    'continuity: the tools are not built yet. Run "npm ci" (or "npm run build") in the project folder first.\n',
  );
  process.exit(2);
}
const { main } = await import(built.href);
const io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
process.exitCode = await main(process.argv.slice(2), io, process.cwd(), Boolean(process.stdout.isTTY));
