import type { Rule } from './rule.js';
import { frontMatter } from './front-matter.js';
import { placeholder } from './placeholder.js';
import { reviewDates } from './review-dates.js';
import { lastTest } from './last-test.js';
import { contactsVerified } from './contacts-verified.js';
import { ukPhone } from './uk-phone.js';
import { nhsNumber } from './nhs-number.js';
import { recoveryTime } from './recovery-time.js';
import { emptySection } from './empty-section.js';
import { duplicateSection } from './duplicate-section.js';
import { recommendedSection } from './recommended-section.js';
import { likelySection } from './likely-section.js';
import { stepRole } from './step-role.js';
import { stepContactNumber } from './step-contact-number.js';
import { mergeConflict } from './merge-conflict.js';
import { outdatedNhsNames } from './outdated-nhs-names.js';

/** Every rule, in the order they run. */
export const rules: Rule[] = [
  frontMatter,
  mergeConflict,
  nhsNumber,
  placeholder,
  emptySection,
  duplicateSection,
  recommendedSection,
  likelySection,
  stepRole,
  stepContactNumber,
  reviewDates,
  lastTest,
  contactsVerified,
  ukPhone,
  recoveryTime,
  outdatedNhsNames,
];

/**
 * Diagnostics that come from the schema rather than a rule file: ids, default severity, docs. `fixed`:
 * why the level cannot be configured (ESLint's fatal parse errors are the model: not checked is not passing).
 */
export const schemaRuleIds = [
  { id: 'schema/required-section', description: 'A required section is missing.' },
  { id: 'schema/required-subsection', description: 'A required part (H3) of a section is missing.' },
  { id: 'schema/required-content', description: 'A section lacks required steps, a table, or a step lacks its role.' },
  { id: 'schema/required-column', description: 'A table lacks a required column.' },
  {
    id: 'schema/required-row',
    description: 'A table lacks a mandatory row (e.g. the GP IT service desk in contacts).',
  },
  { id: 'schema/required-field', description: 'A required front-matter field is missing.' },
  {
    id: 'schema/invalid-value',
    description: 'A value has the wrong format (ODS code, date, postcode, allowed values ...).',
  },
  { id: 'schema/too-few', description: 'Fewer entries than needed (steps, rows, divert numbers, hard copies).' },
  { id: 'schema/too-many', description: 'More entries than fit (e.g. over ten quick-start steps).' },
  { id: 'empty-file', description: 'The file is empty.' },
  {
    id: 'unreadable-file',
    description: 'The file cannot be read as text: missing, a folder, binary (a NUL byte), UTF-16 or not UTF-8.',
    fixed: 'a plan the tools cannot read has not been checked, so it must never pass',
  },
  {
    id: 'unreadable-block',
    description:
      'Part of the plan is beyond what the tools read as markdown (nested more than 32 deep, hundreds of brackets, thousands of columns or unbroken lines); it was checked as plain text.',
  },
  {
    id: 'shared-content',
    description:
      "Shared content (files named under 'shared:' or in <!-- include: ... -->) that is missing, outside the repository or includes itself.",
  },
  {
    id: 'internal-error',
    description: 'A rule failed; the other checks still ran. Please report it.',
    fixed: 'a plan a check failed on has not been fully checked, so it must never pass',
  },
] as const;

export type { Rule } from './rule.js';
