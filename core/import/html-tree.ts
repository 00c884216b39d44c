/**
 * HTML (a web page, or what mammoth made of a Word document) to a hast tree, within bounds: parse5
 * (the parser rehype uses) builds its tree without recursion, counting elements as it creates them
 * (an HTML parser can create many more than the tags written: formatting reopened in every
 * paragraph); the tree is then measured (tree-shape.ts) before hast-util-from-parse5, which recurses,
 * turns it into hast. rehype-parse does the same two steps with nothing in between.
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import type { Root as HastRoot } from 'hast';
import { formatCount, IMPORT_LIMITS, tooComplex } from './import-limits.js';
import { checkTreeShape } from './tree-shape.js';

type P5Node = DefaultTreeAdapterMap['node'];

function childrenOf(node: P5Node): readonly P5Node[] | undefined {
  if (node.nodeName === 'template') return (node as DefaultTreeAdapterMap['template']).content.childNodes;
  return 'childNodes' in node ? node.childNodes : undefined;
}

/** A web page or mammoth's HTML as hast; `advice` is what the practice can do if it is too large. */
export function parseHtml(html: string, advice: string, limits = IMPORT_LIMITS): HastRoot {
  let created = 0;
  const tooMany = () =>
    tooComplex(
      `it holds more than ${formatCount(limits.treeNodes)} paragraphs, cells, words in bold and other pieces`,
      advice,
    );
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (++created > limits.treeNodes) throw tooMany();
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    createCommentNode(data) {
      if (++created > limits.treeNodes) throw tooMany();
      return defaultTreeAdapter.createCommentNode(data);
    },
  };
  const document = parse(html, { treeAdapter, scriptingEnabled: false });
  checkTreeShape<P5Node>(document, childrenOf, advice, limits);
  return fromParse5(document) as HastRoot;
}
