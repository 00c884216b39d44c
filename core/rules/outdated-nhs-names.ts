import type { Rule } from './rule.js';
import type { Source } from '../schema/sources.js';
import { inRanges, nonContentRanges } from '../model/non-content-ranges.js';
import { CANCER_STANDARDS_REFORM } from './sources.js';

/**
 * Retired NHS bodies and terms, what replaced each, and the replacement text when swapping the words
 * is all it takes. A plan is followed under pressure: staff who read 'ring the CCG' or 'N3 line'
 * lose minutes finding out who or what that is now.
 */
interface RetiredName {
  /** Matched case-sensitively (acronyms) unless the pattern says otherwise; bounded, no nesting. */
  pattern: RegExp;
  what: string;
  replacedBy: string;
  /** Replacement text when a plain substitution is right; otherwise the message says what to write. */
  replacement?: string;
  /** Safe for `lint --fix` (no judgement needed). */
  safe?: boolean;
  source: Source;
}

const ICB_SOURCE: Source = {
  title: 'NHS England: integrated care boards replaced clinical commissioning groups on 1 July 2022',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/',
};
const NHS_DIGITAL_SOURCE: Source = {
  title: 'NHS England: NHS Digital and NHS England complete merger (1 February 2023)',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/2023/02/nhs-digital-and-nhs-england-complete-merger/',
};
const NHSX_SOURCE: Source = {
  title: 'Civil Service World: NHS Digital and NHSX merged into NHS England',
  publisher: 'Civil Service World',
  url: 'https://www.civilserviceworld.com/professions/article/nhs-digital-and-nhsx-to-be-merged-into-nhs-england-25977',
};
const HSCN_SOURCE: Source = {
  title: 'NHS England: the Health and Social Care Network (HSCN) replaced N3',
  publisher: 'NHS England',
  url: 'https://digital.nhs.uk/services/health-and-social-care-network/new-to-hscn',
};
const CYBER_ALERTS_SOURCE: Source = {
  title: 'NHS England: respond to an NHS cyber alert (replaced CareCERT)',
  publisher: 'NHS England',
  url: 'https://digital.nhs.uk/services/respond-to-an-nhs-cyber-alert',
};
const LFPSE_SOURCE: Source = {
  title: 'CQC GP mythbuster 24: Learn from Patient Safety Events (LFPSE) replaces NRLS',
  publisher: 'Care Quality Commission (CQC)',
  url: 'https://cqc.org.uk/guidance-providers/gps/gp-mythbusters/gp-mythbuster-24-recording-patient-safety-events-learn-patient-safety-events',
};
const NCRS_SOURCE: Source = {
  title: 'NHS England: Summary Care Records (the National Care Records Service replaces SCRa)',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/long-read/summary-care-records-scr/',
};
const DSPT_SOURCE: Source = {
  title: 'IT Governance: the Data Security and Protection Toolkit replaced the IG Toolkit in 2018',
  publisher: 'IT Governance',
  url: 'https://www.itgovernance.co.uk/blog/data-security-and-protection-dsp-toolkit-launched-for-health-and-social-care',
};

export const RETIRED_NAMES: RetiredName[] = [
  {
    pattern: /\bCCGs?\b/g,
    what: 'CCG (clinical commissioning group)',
    replacedBy:
      'clinical commissioning groups were abolished on 1 July 2022 and replaced by integrated care boards (ICBs); write the name of your ICB, for example "NHS Kent and Medway ICB"',
    replacement: 'ICB',
    source: ICB_SOURCE,
  },
  {
    pattern: /\b[Cc]linical [Cc]ommissioning [Gg]roups?\b/g,
    what: 'clinical commissioning group',
    replacedBy:
      'clinical commissioning groups were abolished on 1 July 2022 and replaced by integrated care boards (ICBs); write the name of your ICB',
    replacement: 'integrated care board',
    source: ICB_SOURCE,
  },
  {
    pattern: /\b(?:PCTs?|[Pp]rimary [Cc]are [Tt]rusts?)\b/g,
    what: 'primary care trust (PCT)',
    replacedBy:
      'primary care trusts were abolished in 2013; their work is now done by integrated care boards (ICBs) and NHS England: write the body you actually contact',
    source: ICB_SOURCE,
  },
  {
    pattern: /\bNHS Digital\b/g,
    what: 'NHS Digital',
    replacedBy:
      'NHS Digital merged into NHS England on 1 February 2023, which now runs its services (Spine, EPS, the Summary Care Record, e-RS)',
    replacement: 'NHS England',
    safe: true,
    source: NHS_DIGITAL_SOURCE,
  },
  {
    pattern: /\b(?:HSCIC|Health and Social Care Information Centre)\b/g,
    what: 'HSCIC',
    replacedBy: 'the Health and Social Care Information Centre became NHS Digital and merged into NHS England in 2023',
    replacement: 'NHS England',
    safe: true,
    source: NHS_DIGITAL_SOURCE,
  },
  {
    pattern: /\bNHSX\b/g,
    what: 'NHSX',
    replacedBy: 'NHSX was merged into NHS England (its Transformation Directorate) in 2022',
    replacement: 'NHS England',
    safe: true,
    source: NHSX_SOURCE,
  },
  {
    pattern: /\bNHS ?E\/?I\b|\bNHS England (?:and|&) NHS Improvement\b|\bNHS Improvement\b/g,
    what: 'NHS Improvement',
    replacedBy: 'NHS Improvement merged into NHS England in 2022',
    replacement: 'NHS England',
    safe: true,
    source: NHSX_SOURCE,
  },
  {
    pattern: /\bCareCERT\b/g,
    what: 'CareCERT',
    replacedBy:
      "CareCERT was replaced by NHS England's cyber alerts and its Cyber Security Operations Centre (CSOC, 0300 303 5222); report a cyber incident to the CSOC",
    source: CYBER_ALERTS_SOURCE,
  },
  {
    pattern:
      /\bN3\b(?=[ -](?:network|connection|line|circuit|link|router|broadband))|(?<=\b(?:the|an?|our|via) )N3\b(?![ -]?\d)/g,
    what: 'N3 (the old NHS network)',
    replacedBy: 'N3 was replaced by the Health and Social Care Network (HSCN), completed in 2020',
    replacement: 'HSCN',
    source: HSCN_SOURCE,
  },
  {
    pattern: /\b2 ?WW\b|\b[Tt]wo[- ][Ww]eek[- ][Ww]ait\b/g,
    what: 'two-week wait (2WW)',
    replacedBy:
      'the two-week wait standard was abolished on 1 October 2023; urgent suspected cancer (USC) referrals now work to the 28-day Faster Diagnosis Standard',
    replacement: 'urgent suspected cancer (USC)',
    source: CANCER_STANDARDS_REFORM,
  },
  {
    pattern: /\bNRLS\b|\bNational Reporting and Learning System\b/g,
    what: 'NRLS (National Reporting and Learning System)',
    replacedBy: 'the NRLS was replaced by the Learn from Patient Safety Events (LFPSE) service',
    replacement: 'Learn from Patient Safety Events (LFPSE) service',
    safe: true,
    source: LFPSE_SOURCE,
  },
  {
    pattern: /\bSCRa\b|\bSummary Care Record application\b/g,
    what: 'SCRa (Summary Care Record application)',
    replacedBy: 'the Summary Care Record application was replaced by the National Care Records Service (NCRS)',
    replacement: 'National Care Records Service (NCRS)',
    safe: true,
    source: NCRS_SOURCE,
  },
  {
    pattern: /\bIG Toolkit\b|\bInformation Governance Toolkit\b|\bIGT\b/g,
    what: 'IG Toolkit',
    replacedBy:
      'the Information Governance Toolkit was replaced by the Data Security and Protection Toolkit (DSPT) in 2018',
    replacement: 'Data Security and Protection Toolkit',
    safe: true,
    source: DSPT_SOURCE,
  },
];

export const outdatedNhsNames: Rule = {
  id: 'outdated-nhs-names',
  severity: 'warning',
  description:
    'Retired NHS bodies and terms (CCG, PCT, NHS Digital, NHSX, CareCERT, N3, 2WW ...), with what replaced each.',
  rationale:
    'A plan is followed under pressure by people who may not know the history: "ring the CCG" or "the N3 line" sends them looking for a body or a service that no longer exists. The rule names what replaced each, and offers the new name where swapping the words is all it takes (only swaps that need no judgement are applied by lint --fix; a local body such as your ICB is checked by you in the editor).',
  sources: [ICB_SOURCE, NHS_DIGITAL_SOURCE, HSCN_SOURCE, CYBER_ALERTS_SOURCE, CANCER_STANDARDS_REFORM],
  examples: [
    {
      title: 'a CCG in a step',
      markdown: '# Plan\n\n1. **Incident lead:** Tell the CCG.\n',
      expected: [
        "3:32-3:35 warning 'CCG' is an outdated name: clinical commissioning groups were abolished on 1 July 2022 and replaced by integrated care boards (ICBs); write the name of your ICB, for example \"NHS Kent and Medway ICB\". Write 'ICB' instead. Staff following the plan in an outage should not have to work out who that is now.",
      ],
    },
    {
      title: 'NHS Digital and a two-week-wait referral',
      markdown: '# Plan\n\nReport to NHS Digital. Send 2WW referrals by email.\n',
      expected: [
        "3:11-3:22 warning 'NHS Digital' is an outdated name: NHS Digital merged into NHS England on 1 February 2023, which now runs its services (Spine, EPS, the Summary Care Record, e-RS). Write 'NHS England' instead. Staff following the plan in an outage should not have to work out who that is now.",
        "3:29-3:32 warning '2WW' is an outdated name: the two-week wait standard was abolished on 1 October 2023; urgent suspected cancer (USC) referrals now work to the 28-day Faster Diagnosis Standard. Write 'urgent suspected cancer (USC)' instead. Staff following the plan in an outage should not have to work out who that is now.",
      ],
    },
    {
      title: 'a London N3 postcode is not the old network',
      markdown: '# Plan\n\nBranch surgery, 4 High Road, London N3 2AB.\n',
      expected: [],
    },
    { title: 'names inside code are not reported', markdown: '# Plan\n\n`CCG` was the old name.\n', expected: [] },
  ],
  check({ doc, report }) {
    const skip = nonContentRanges(doc);
    for (const name of RETIRED_NAMES) {
      for (const m of doc.text.matchAll(name.pattern)) {
        const start = m.index!;
        if (inRanges(skip, start)) continue;
        const end = start + m[0].length;
        report({
          range: doc.lines.range(start, end),
          message: `'${m[0]}' is an outdated name: ${name.replacedBy}.${name.replacement ? ` Write '${name.replacement}' instead.` : ''} Staff following the plan in an outage should not have to work out who that is now.`,
          fix: name.replacement
            ? {
                title: `Replace '${m[0]}' with '${name.replacement}'`,
                safe: name.safe === true,
                edits: [{ start, end, text: name.replacement }],
              }
            : undefined,
        });
      }
    }
  },
};
