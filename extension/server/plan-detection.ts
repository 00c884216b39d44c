/**
 * Only plan files are checked, never every markdown file in a workspace: a plan's front matter names
 * its practice or schema version, or the file matches the configured globs.
 */
import picomatch from 'picomatch';

const MARKER = /^\uFEFF?---[ \t]*\r?\n(?:[^\n]*\n){0,80}?(?:schema_version|practice|continuity_plan)\s*:/;

export function isPlanDocument(text: string, relativePath: string | undefined, globs: string[]): boolean {
  if (MARKER.test(text)) return true;
  if (!relativePath || globs.length === 0) return false;
  return picomatch(globs, { dot: true })(relativePath.replace(/\\/g, '/'));
}
