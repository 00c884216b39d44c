/**
 * Phrasing Word writes that markdown cannot: made what a practice manager would write by hand.
 */
import type { Delete, Emphasis, Parent, PhrasingContent, Root, Strong } from 'mdast';
import type { Node } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Word puts the space after a bold phrase inside the bold run ("**and record each call **on"), which
 * markdown cannot write: the writer keeps it bold by encoding the next letter ("&#x6F;n"), which a
 * practice manager would then read in the plan. The space belongs after the bold, so it is moved
 * there (and a leading space before it); a bold or italic run of nothing but space is just space.
 */
export function tidyPhrasing(tree: Root): void {
  const parents: Parent[] = [];
  visit(tree, (node) => {
    if ('children' in node && node.children.some(isRun)) parents.push(node);
  });
  // Innermost first (the reverse of document order), so a space moved out of an inner run is then
  // moved out of the run around it; each parent's children rebuilt in one pass.
  for (const parent of parents.reverse()) {
    const children: Node[] = parent.children;
    parent.children = children.flatMap((c) => (isRun(c) ? tidyRun(c) : [c])) as Parent['children'];
  }
}

function isRun(node: Node): node is Strong | Emphasis | Delete {
  return node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete';
}

/** The run with its leading and trailing blanks moved outside it (and nothing left if it is all blank). */
function tidyRun(run: Strong | Emphasis | Delete): PhrasingContent[] {
  const first = run.children[0];
  const last = run.children[run.children.length - 1];
  // trimStart and trimEnd, not /\s+$/, which retries from every blank of a long run.
  let lead = '';
  if (first?.type === 'text') {
    const rest = first.value.trimStart();
    lead = first.value.slice(0, first.value.length - rest.length);
    first.value = rest;
  }
  let trail = '';
  if (last?.type === 'text') {
    const rest = last.value.trimEnd();
    trail = last.value.slice(rest.length);
    last.value = rest;
  }
  return [
    ...(lead ? [{ type: 'text' as const, value: lead }] : []),
    ...(toString(run) === '' ? [] : [run]),
    ...(trail ? [{ type: 'text' as const, value: trail }] : []),
  ];
}
