/**
 * The shape test for a regular expression where recheck cannot run (a bundled editor extension, a
 * browser: recheck is 2.8 MB of compiled Scala, more than the whole web language server may be):
 * star height above one, a repeated group that itself holds a repeat, e.g. (a+)+ or (\s*x)*, is
 * refused as catastrophic. It cannot see every slow pattern that recheck sees (overlapping
 * alternatives under a repeat, such as (a|a)*); CI's check, which runs recheck, still refuses those.
 */
import type { PatternVerdict } from './host.js';

export function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  let lastGroupRepeats = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const quantifier = c === '*' || c === '+' || c === '{';
    if (c === '\\') i++;
    else if (c === '(') groups.push(false);
    else if (c === ')') lastGroupRepeats = groups.pop() ?? false;
    if (quantifier) {
      if (source[i - 1] === ')' && lastGroupRepeats) return true;
      if (groups.length) groups[groups.length - 1] = true;
    }
    if (c === ')' && groups.length && lastGroupRepeats) groups[groups.length - 1] = true;
  }
  return false;
}

export function patternVerdictByShape(source: string): PatternVerdict {
  return hasNestedQuantifier(source) ? 'vulnerable' : 'safe';
}
