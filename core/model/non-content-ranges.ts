import { visit } from 'unist-util-visit';
import type { PlanDocument } from './plan-document.js';

/**
 * Offsets [start, end) of text that is not plan content: code, inline code and HTML (template
 * guidance comments). Rules that scan the raw text skip these so a quoted example is not reported.
 */
export function nonContentRanges(doc: PlanDocument): [number, number][] {
  const skip: [number, number][] = [];
  visit(doc.tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') && node.position) {
      skip.push([node.position.start.offset!, node.position.end.offset!]);
    }
  });
  return skip;
}

export function inRanges(ranges: [number, number][], offset: number): boolean {
  return ranges.some(([a, b]) => offset >= a && offset < b);
}
