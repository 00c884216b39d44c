/**
 * Globs come from repository configuration (`ignore`) and, in the editor, from workspace settings
 * (`continuity.planGlobs`, honoured even in untrusted workspaces). picomatch turns each into a regular
 * expression in which every `*` and `**` is a lazy loop; many of them, or a brace range such as
 * `{1..1000000}`, make matching (or compiling) take super-linear time on a long path. A glob past
 * these bounds is refused with a reason; no glob a person writes comes near them.
 */
export const MAX_GLOB_LENGTH = 256;
export const MAX_GLOB_WILDCARDS = 8;
export const MAX_GLOBSTARS = 3;
export const MAX_GLOB_BRACES = 4;

function hasBraceRange(glob: string): boolean {
  for (let open = glob.indexOf('{'); open !== -1; open = glob.indexOf('{', open + 1)) {
    const close = glob.indexOf('}', open);
    if (close === -1) return false;
    if (glob.slice(open, close).includes('..')) return true;
  }
  return false;
}

/** Why `glob` is refused, or undefined when it is within bounds. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH)
    return `it is ${glob.length} characters long; globs may be at most ${MAX_GLOB_LENGTH}`;
  let wildcards = 0;
  let globstars = 0;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '*' && glob[i + 1] === '*') {
      globstars++;
      while (glob[i + 1] === '*') i++;
    } else if (c === '*' || c === '?' || c === '[' || c === '+' || c === '@' || c === '!') {
      if (c !== '!' || i > 0) wildcards++;
    } else if (c === '{') {
      braces++;
    }
  }
  if (globstars > MAX_GLOBSTARS) return `it has ${globstars} '**'; at most ${MAX_GLOBSTARS} are allowed`;
  if (wildcards > MAX_GLOB_WILDCARDS) return `it has ${wildcards} wildcards; at most ${MAX_GLOB_WILDCARDS} are allowed`;
  if (braces > MAX_GLOB_BRACES) return `it has ${braces} '{' groups; at most ${MAX_GLOB_BRACES} are allowed`;
  if (hasBraceRange(glob))
    return 'it has a range such as {1..9} in braces, which is not supported; list the values, e.g. {1,2,3}';
  return undefined;
}
