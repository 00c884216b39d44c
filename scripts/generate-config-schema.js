// Generates schema/continuity.config.schema.json: the JSON Schema of continuity.config.json, from the
// rule catalogue and the levels core/config/config.ts accepts. Editors use it (the VS Code extension
// contributes it through jsonValidation; any editor can read a "$schema" line) for completion and
// checks while an ICB edits its config. Committed and checked: CI runs `npm run generate` and diffs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { ruleCatalogue } = await import(join(root, 'dist', 'core', 'index.js'));
const { RULE_LEVELS } = await import(join(root, 'dist', 'core', 'config', 'config.js'));
const { DOCS_URL_PATTERN } = await import(join(root, 'dist', 'core', 'config', 'docs-url-setting.js'));

const level = {
  enum: RULE_LEVELS,
  description: 'off: not checked; info, warning or error: how the finding is reported (errors fail lint and build).',
};
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:continuity-plans:continuity.config.schema.json',
  title: 'continuity.config.json',
  description:
    'Settings for the continuity plan checks, found upward from each plan. See docs/cli.md, section Configuration.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      description:
        'Rule levels, and options for rules that take them: "placeholder": "error" or "contacts-verified": ["warning", {"maxAgeMonths": 3}].',
      additionalProperties: false,
      properties: Object.fromEntries(
        // Rules whose level cannot be set are left out, so an editor flags them as not allowed.
        ruleCatalogue()
          .filter((r) => !r.fixed)
          .map((r) => [
            r.id,
            {
              description: `${r.description} (default: ${r.severity})`,
              oneOf: [
                level,
                {
                  type: 'array',
                  items: [level, { type: 'object', description: "The rule's options." }],
                  minItems: 2,
                  maxItems: 2,
                },
              ],
            },
          ]),
      ),
    },
    ignore: {
      type: 'array',
      items: { type: 'string' },
      description: 'Globs of plan files never checked in folder runs, e.g. ["archive/**"].',
    },
    schema: {
      type: 'string',
      description: "Path (relative to this file) of an ICB's JSON Schema that extends the plan schema.",
    },
    docsUrl: {
      type: 'string',
      format: 'uri',
      maxLength: 2000,
      pattern: DOCS_URL_PATTERN,
      patternErrorMessage:
        'An https:// address without spaces, quotes, brackets, parentheses, < >, backslashes, @ or a #anchor, e.g. https://icb.example.nhs.uk/continuity/rules.html',
      description:
        "Web address (https://) of the ICB's published copy of the rule docs (docs/rules.md); each rule's #anchor is added. Default: the copy shipped with the tools.",
    },
  },
};
writeFileSync(join(root, 'schema', 'continuity.config.schema.json'), JSON.stringify(schema, null, 2) + '\n');
console.log('wrote schema/continuity.config.schema.json');
