/**
 * The size of a parsed document, measured without recursion (an explicit stack), before any of the
 * recursive steps that follow (conversion to markdown, tree walks, writing markdown) read it: a
 * document nested thousands deep or with hundreds of thousands of children in one place would
 * otherwise end in "Maximum call stack size exceeded", and a huge one would run for minutes.
 */
import { formatCount, IMPORT_LIMITS, tooComplex } from './import-limits.js';

export interface TreeShape {
  nodes: number;
  depth: number;
  width: number;
}

/**
 * Throws an ImportError naming the first limit passed. `what` says what the document is ("The web
 * page"), `advice` what the practice can do.
 */
export function checkTreeShape<N>(
  root: N,
  childrenOf: (node: N) => readonly N[] | undefined,
  advice: string,
  limits = IMPORT_LIMITS,
): TreeShape {
  const shape: TreeShape = { nodes: 0, depth: 0, width: 0 };
  const stack: [N, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    shape.nodes++;
    if (shape.nodes > limits.treeNodes)
      throw tooComplex(
        `it holds more than ${formatCount(limits.treeNodes)} paragraphs, cells, words in bold and other pieces`,
        advice,
      );
    if (depth > shape.depth) shape.depth = depth;
    if (depth > limits.treeDepth)
      throw tooComplex(
        `it has lists, tables or other parts nested more than ${formatCount(limits.treeDepth)} levels deep`,
        advice,
      );
    const children = childrenOf(node);
    if (!children) continue;
    if (children.length > shape.width) shape.width = children.length;
    if (children.length > limits.treeWidth)
      throw tooComplex(
        `it has more than ${formatCount(limits.treeWidth)} paragraphs, rows or items side by side in one place`,
        advice,
      );
    for (const child of children) stack.push([child, depth + 1]);
  }
  return shape;
}
