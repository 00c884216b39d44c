// Builds schema/plan.schema.json from schema/src (the root file and one YAML file per section).
// YAML is the authoring format because section templates are multi-line markdown; the JSON file is
// the contract every tool reads, committed and checked (`npm run generate` then `git diff --exit-code`).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createPlanAjv } from '../dist/core/validate/plan-ajv.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'schema', 'src');

export function buildSchema() {
  const schema = parse(readFileSync(join(srcDir, 'plan.schema.yaml'), 'utf8'));
  const sections = schema.properties.sections;
  const files = readdirSync(join(srcDir, 'sections'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    const { id, level, ...section } = parse(readFileSync(join(srcDir, 'sections', file), 'utf8'));
    if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`${file}: 'id' must be a kebab-case slug`);
    if (sections.properties[id]) throw new Error(`${file}: section id '${id}' is defined twice`);
    if (level === 'required') sections.required.push(id);
    else if (level === 'recommended') section['x-recommended'] = true;
    else throw new Error(`${file}: 'level' must be 'required' or 'recommended'`);
    sections.properties[id] = section;
  }
  return schema;
}

/** Compile as the tools do (ajv strict mode, annotations registered), so a bad schema never ships. */
export function checkStrict(schema) {
  createPlanAjv().compile(schema);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'schema', 'plan.schema.json');
  const schema = buildSchema();
  try {
    checkStrict(schema);
  } catch (e) {
    console.error(`The schema does not compile in ajv strict mode: ${e.message}`);
    console.error(
      '(strictTypes: every subschema using pattern/minLength needs type: string, properties/required need type: object, items/minItems need type: array)',
    );
    process.exit(1);
  }
  writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${out}`);
}
