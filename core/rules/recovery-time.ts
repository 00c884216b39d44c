import type { Rule } from './rule.js';
import { ISO_22300_RTO, BCM_TOOLKIT } from './sources.js';
import { durationToHours } from './durations.js';
import { isBlank, typedValues } from './typed-values.js';

export const recoveryTime: Rule = {
  id: 'recovery-time',
  severity: 'error',
  description:
    'Durations that cannot be read, a recovery time objective (RTO) above the maximum tolerable disruption (MTPD), and an RTO equal to it.',
  rationale:
    'The business impact analysis says how long each activity can be down (MTPD) and how soon it must be back (RTO). If the RTO is longer than the MTPD the plan accepts harm it says is intolerable (an error). The RTO should be shorter than the MTPD (ISO 22300 defines it so): an RTO equal to the MTPD leaves no margin before harm, so it is a warning. Write durations like "4 hours", "1 day" or "30 minutes".',
  sources: [ISO_22300_RTO, BCM_TOOLKIT],
  examples: [
    {
      title: 'RTO longer than MTPD',
      markdown:
        '# Plan\n\n## Business impact analysis\n\n| Activity | Impact | RTO | MTPD |\n| --- | --- | --- | --- |\n| Urgent triage | Harm | 1 day | 4 hours |\n',
      expected: [
        "7:26-7:31 error The recovery time objective for 'Urgent triage' (1 day) is longer than its maximum tolerable disruption (4 hours). The plan would accept a disruption it says patients cannot tolerate: shorten the RTO or review the MTPD.",
      ],
    },
    {
      title: 'RTO within MTPD',
      markdown:
        '# Plan\n\n## Business impact analysis\n\n| Activity | Impact | RTO | MTPD |\n| --- | --- | --- | --- |\n| Urgent triage | Harm | 2 hours | 4 hours |\n',
      expected: [],
    },
    {
      title: 'RTO equal to MTPD',
      markdown:
        '# Plan\n\n## Business impact analysis\n\n| Activity | Impact | RTO | MTPD |\n| --- | --- | --- | --- |\n| Urgent triage | Harm | 4 hours | 4 hours |\n',
      expected: [
        "7:26-7:33 warning The recovery time objective for 'Urgent triage' (4 hours) is the same as its maximum tolerable disruption (4 hours). Recovery planned for the last moment leaves no margin before patients come to harm: set an RTO shorter than the MTPD.",
      ],
    },
  ],
  check({ doc, report }) {
    const durations = typedValues(doc, 'duration');
    for (const v of durations) {
      if (isBlank(v.value) || /\{\{/.test(v.value)) continue;
      if (durationToHours(v.value) === undefined) {
        report({
          range: v.range,
          message: `'${v.value}' in ${v.where} is not a duration the plan tools can read. Write it like '4 hours', '1 day', '30 minutes' or '2 weeks'.`,
        });
      }
    }
    for (const v of durations) {
      if (v.column !== 'rto' || !v.row || v.row.mtpd === undefined) continue;
      const rto = durationToHours(v.value);
      const mtpd = durationToHours(v.row.mtpd);
      if (rto === undefined || mtpd === undefined || rto < mtpd) continue;
      const activity = v.row.activity ? `'${v.row.activity}'` : 'this activity';
      if (rto === mtpd) {
        report({
          range: v.range,
          severity: 'warning',
          message: `The recovery time objective for ${activity} (${v.value}) is the same as its maximum tolerable disruption (${v.row.mtpd}). Recovery planned for the last moment leaves no margin before patients come to harm: set an RTO shorter than the MTPD.`,
        });
        continue;
      }
      report({
        range: v.range,
        message: `The recovery time objective for ${activity} (${v.value}) is longer than its maximum tolerable disruption (${v.row.mtpd}). The plan would accept a disruption it says patients cannot tolerate: shorten the RTO or review the MTPD.`,
      });
    }
  },
};
