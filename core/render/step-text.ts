/**
 * A step as printed under its role: the role as a label ("Reception (08:00 to 18:30)") and the step's
 * words without the role written at its start. Shared by page 1 and the action cards, so a role with
 * a time or a colon in it prints the same on both.
 */

/** The role as a label: without bold markers and the colon that ends it, its own colons kept. */
export function roleLabel(role: string): string {
  return role.replace(/\*/g, '').trim().replace(/:$/, '').trim();
}

/** "Reception (08:00 to 18:30): Ring ..." -> "Ring ...": the step without its leading role. */
export function stepWithoutRole(text: string, role: string | undefined): string {
  if (!role) return text;
  const label = roleLabel(role);
  let rest = text.trimStart();
  while (rest.startsWith('*')) rest = rest.slice(1);
  if (!rest.toLowerCase().startsWith(label.toLowerCase())) return text;
  rest = rest.slice(label.length);
  // Then the colon and bold markers that close the role, in either order, and the blanks after them.
  let i = 0;
  while (i < rest.length && (rest[i] === '*' || rest[i] === ':' || rest[i].trim() === '')) i++;
  return rest.slice(i);
}
