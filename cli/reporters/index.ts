/** The output formats of `continuity lint --format`. */
import { azure } from './azure.js';
import { codequality } from './codequality.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const reporters = { stylish, json, sarif, github, junit, codequality, azure } satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;

export function isReporterName(name: string): name is ReporterName {
  return Object.prototype.hasOwnProperty.call(reporters, name);
}
