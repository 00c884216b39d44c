// Generates plans/template.md from the schema: the front matter below, then every section of the
// catalogue in order, each with its guidance (as an HTML comment, which is not printed) and the
// section's x-template. The template can therefore never lack a section the schema requires.
// Committed and checked: CI runs `npm run generate` and fails on any difference.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { loadPlanSchema, buildCatalogue } = await import(join(root, 'dist', 'core', 'index.js'));

const frontMatter = `---
# Front matter: the plan's cover sheet. Replace every placeholder in double curly brackets.
# Dates are YYYY-MM-DD. Phone numbers are UK numbers, for example 01632 960123.
plan_template: true # the template, not a practice's plan: folder checks leave it out (continuity new removes this line)
schema_version: '1.0'
title: IT outage business continuity plan
classification: OFFICIAL-SENSITIVE
practice:
  name: '{{practice name}}'
  ods_code: '{{ODS code}}'
  address: '{{address}}'
  postcode: '{{postcode}}'
  phone: '{{practice phone}}'
  pcn: '{{primary care network}}'
icb:
  name: '{{ICB name}}'
  ods_code: '{{ICB code, for example QKS}}'
version: '0.1'
status: draft
owner:
  name: '{{name}}'
  role: Practice manager
# When the plan is approved, set status: approved and list who approved it:
# approved_by:
#   - name: '{{name}}'
#     role: GP partner
#     date: '{{YYYY-MM-DD}}'
date_issued: '{{YYYY-MM-DD}}'
last_reviewed: '{{YYYY-MM-DD}}'
next_review: '{{YYYY-MM-DD, within 12 months of the last review}}'
last_tested: '{{YYYY-MM-DD}}'
last_test_type: table-top
contacts_last_verified: '{{YYYY-MM-DD}}'
contacts_last_printed: '{{YYYY-MM-DD}}'
clinical_system:
  name: '{{EMIS Web, TPP SystmOne, Vision, Medicus or other}}'
  bc_mode: [printed-lists, scr-ncrs]
  bc_prereqs_done: false
telephony:
  provider: '{{telephony provider}}'
  type: '{{cloud-voip, on-prem-pbx, analogue or other}}'
  divert_numbers:
    - '{{number calls are diverted to}}'
  divert_tested: '{{YYYY-MM-DD}}'
online_consultation_tool: '{{tool, or none}}'
eps_pharmacies:
  - name: '{{pharmacy name}}'
    ods_code: '{{pharmacy ODS code}}'
    phone: '{{pharmacy phone}}'
hard_copy_locations:
  - location: '{{on-site location, for example reception safe}}'
    holder: Practice manager
    off_site: false
  - location: '{{off-site location}}'
    holder: '{{role}}'
    off_site: true
---`;

function guidance(def) {
  const text = [def.description, def.write ? `What to write: ${def.write}` : ''].filter(Boolean).join(' ');
  // Wrap for people reading the raw file in an editor.
  const words = text.replace(/--/g, '-').split(/\s+/);
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > 98) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return `<!--\n${lines.join('\n')}\n-->`;
}

const catalogue = buildCatalogue([loadPlanSchema()]);
const parts = [
  frontMatter,
  '',
  '# {{practice name}}: IT outage business continuity plan',
  '',
  '<!-- This is the guided template. Fill in every {{placeholder}}, delete the guidance comments if you like (they are never printed), and run `continuity lint` until it is clean. -->',
  '',
];
for (const def of catalogue.sections) {
  parts.push(`## ${def.title}`, '', guidance(def), '');
  if (def.recommended)
    parts.push('<!-- Recommended: not required, but the checker will remind you if it is missing. -->', '');
  parts.push((def.template ?? '').trim(), '');
}
writeFileSync(join(root, 'plans', 'template.md'), parts.join('\n'));
console.log('wrote plans/template.md');
