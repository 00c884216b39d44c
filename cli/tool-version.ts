import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function packageJson(): { version: string } {
  let dir = here;
  for (let i = 0; i < 5; i++) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      dir = dirname(dir);
    }
  }
  return { version: '0.0.0' };
}

export const TOOL_NAME = 'continuity';
export const TOOL_VERSION = packageJson().version;

/** Version plus build time: a rebuilt tool never reuses results cached by an older build. */
export function toolFingerprint(): string {
  const built = statSync(fileURLToPath(new URL('../core/check-plan.js', import.meta.url))).mtimeMs;
  return `${TOOL_VERSION}:${built}`;
}
