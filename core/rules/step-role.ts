import type { Rule } from './rule.js';
import { PRIMARY_CARE_BCP_EXEMPLAR } from './sources.js';
import { incidentRolesOf, resolveRole, stepRoles, tableRoles } from '../model/roles.js';

/**
 * Each step's role is who gets the step on an action card, so it must be a role the plan knows: a
 * row of the roles table (however spelt), everyone, or the plan's owner.
 */
export const stepRole: Rule = {
  id: 'step-role',
  severity: 'warning',
  description: 'A step names a role that is not in the roles table.',
  rationale:
    'Each step is printed on the action card of the role that does it. A role the roles table does not have (often a typing slip, or a team renamed) gives a card nobody is named for, so its steps may not get done. Use a role from the roles table, or add the role to it with its deputy.',
  sources: [PRIMARY_CARE_BCP_EXEMPLAR],
  examples: [
    {
      title: 'a slip in a role name',
      markdown:
        '# Plan\n\n## Roles\n\n| Role | Name | Deputy |\n| --- | --- | --- |\n| Incident lead | A | B |\n| Reception Supervisor | C | D |\n\n## Telephony\n\n1. **Recepton Supervisor:** Divert the phones.\n2. **Reception supervisor:** Tell patients.\n3. **All staff:** Listen.\n',
      expected: [
        "12:4-12:28 warning 'Recepton Supervisor' (step 1 of 'Telephony') is not a role in the roles table. Did you mean 'Reception Supervisor'? Steps are printed on the action card of their role: use a role from the roles table, or add 'Recepton Supervisor' to it with a deputy.",
      ],
    },
    {
      title: "roles spelt the practice's own way, and everyone",
      markdown:
        '# Plan\n\n## Roles\n\n| Role | Name | Deputy |\n| --- | --- | --- |\n| Incident lead | A | B |\n| Reception Supervisor | C | D |\n\n## Telephony\n\n1. **Reception supervisor:** Divert the phones.\n2. **All staff:** Listen.\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    const roles = tableRoles(doc);
    if (roles.length === 0) return; // no roles table yet: the required-section message says so
    const owner = (doc.model.frontMatter.owner as Record<string, unknown> | undefined)?.role;
    const reported = new Set<string>();
    const incidentRoles = incidentRolesOf(doc);
    for (const use of stepRoles(doc)) {
      const r = resolveRole(use.role, roles, typeof owner === 'string' ? owner : undefined, incidentRoles);
      if (r.kind !== 'unknown') continue;
      const entry = doc.sourceMap.get(use.pointer);
      if (!entry) continue;
      const key = `${use.role}|${use.sectionTitle}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        range: entry.range,
        message: `'${use.role}' (step ${use.index + 1} of '${use.sectionTitle}') is not a role in the roles table${r.nearest ? `. Did you mean '${r.nearest}'?` : '.'} Steps are printed on the action card of their role: use a role from the roles table, or add '${use.role}' to it with a deputy.`,
      });
    }
  },
};
