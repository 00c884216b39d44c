/**
 * Scaffold a plan from the shipped template: the practice's name and ODS code filled in (front matter
 * and every {{practice name}} / {{ODS code}} placeholder), everything else left as guided placeholders.
 */
import { parseDocument } from 'yaml';
import { frontMatterSchemaAt } from './schema/front-matter-schema.js';
import { loadPlanSchema } from './schema/load-schema.js';
import { host } from './host/host.js';

export interface NewPlanInput {
  practiceName: string;
  odsCode: string;
  /** YYYY-MM-DD, written as date_issued. */
  today: string;
}

export class NewPlanError extends Error {}

/** The ODS code's pattern, from the schema (the one place it is written). */
function odsCodePattern(): RegExp {
  const field = frontMatterSchemaAt(loadPlanSchema().properties?.frontMatter, ['practice', 'ods_code']);
  if (typeof field?.pattern !== 'string')
    throw new Error('The plan schema has no pattern for practice.ods_code; reinstall the tools.');
  return new RegExp(field.pattern, 'u');
}

export function validateOdsCode(code: string): string | undefined {
  return odsCodePattern().test(code)
    ? undefined
    : `'${code}' is not a GP practice ODS code: one capital letter and five digits, for example K81003.`;
}

export function newPlanText(input: NewPlanInput, template = host().resource('template.md')): string {
  const name = input.practiceName.trim();
  if (!name) throw new NewPlanError('The practice name is empty.');
  const odsProblem = validateOdsCode(input.odsCode);
  if (odsProblem) throw new NewPlanError(odsProblem);
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(template);
  if (!fm) throw new NewPlanError('The template has no front matter; reinstall the tools.');
  const doc = parseDocument(fm[1]);
  // The template's marker (folder checks leave the template out): a new plan is a practice's plan.
  doc.delete('plan_template');
  // New nodes, so the template's quoting of its placeholders is not carried over to real values.
  doc.setIn(['practice', 'name'], doc.createNode(name));
  doc.setIn(['practice', 'ods_code'], doc.createNode(input.odsCode));
  doc.setIn(['date_issued'], doc.createNode(input.today));
  if (doc.has('plan_id')) doc.setIn(['plan_id'], doc.createNode(`${input.odsCode}-ITBCP`));
  const body = template
    .slice(fm[0].length)
    .replace(/\{\{\s*practice(?:'s)? name\s*\}\}/gi, name)
    .replace(/\{\{\s*(practice )?ODS code\s*\}\}/gi, input.odsCode);
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;
}

export function planFileName(practiceName: string): string {
  return (
    (practiceName
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .split('-')
      .filter(Boolean)
      .join('-') || 'plan') + '.md'
  );
}
