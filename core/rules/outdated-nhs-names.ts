import type { Rule } from './rule.js';
import type { PlanDocument } from '../model/plan-document.js';
import { visit } from 'unist-util-visit';
import { inRanges, nonContentRanges } from '../model/non-content-ranges.js';
import {
  FRONT_MATTER_POINTER,
  rowPointer,
  sectionPointer,
  subsectionPointer,
  tablePointer,
  type ModelPointer,
} from '../model/model-pointer.js';
import type { SectionModel } from '../model/plan-model.js';
import type { SectionDef } from '../schema/catalogue.js';
import { RETIRED_NAMES, RETIRED_NAME_SOURCES, type RetiredName } from './retired-nhs-names.js';

type Span = [number, number];

/**
 * Tables whose rows record what happened (the schema marks them `x-history`: revision history,
 * lessons log). 'Reported to NRLS' in a 2021 row is what happened then, not an instruction.
 */
function historyTables(doc: PlanDocument): Span[] {
  const out: Span[] = [];
  const visitSection = (section: SectionModel, def: SectionDef | undefined, ptr: ModelPointer) => {
    for (const table of def?.tables ?? []) {
      if (!table.history || !(table.id in section.tables)) continue;
      const at = doc.sourceMap.get(rowPointer(tablePointer(ptr, table.id)))?.range;
      if (at) out.push([at.start.offset, at.end.offset]);
    }
    for (const [id, sub] of Object.entries(section.subsections))
      visitSection(
        sub,
        def?.subsections.find((s) => s.id === id),
        subsectionPointer(ptr, id),
      );
  };
  for (const [id, section] of Object.entries(doc.model.sections))
    visitSection(section, doc.catalogue.byId.get(id), sectionPointer(id));
  return out;
}

/** Where links point (a URL's path may hold '/CCG/'): changing it would break the link. */
function linkTargets(doc: PlanDocument): Span[] {
  const out: Span[] = [];
  visit(doc.tree, (node) => {
    const at = node.position;
    if (!at || at.start.offset === undefined || at.end.offset === undefined) return;
    if (node.type === 'image' || node.type === 'definition') out.push([at.start.offset, at.end.offset]);
    if (node.type !== 'link') return;
    const last = node.children[node.children.length - 1]?.position?.end.offset;
    // a bare or <angle> link shows its URL as its text: all of it is the target
    const bare = node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url;
    out.push([bare || last === undefined ? at.start.offset : last, at.end.offset]);
  });
  return out;
}

/** 'formerly the CCG', '(previously NHS Improvement)', 'which replaced Action Fraud': history, said as such. */
const HISTORY_BEFORE =
  /\b(?:formerly|previously|replac(?:ed|es|ing)|supersed(?:ed|es|ing)|succeed(?:ed|s|ing)|successor to|renamed from|took over from|used to be|known as)\b[^.;:!?\n]{0,30}$/i;
/** 'PSNC (now Community Pharmacy England)': the new name follows. */
const NOW_AFTER = /^\s*(?:[(,;–-]\s*)?(?:now|since renamed|renamed)\b/i;

function saidAsHistory(text: string, start: number, end: number): boolean {
  return HISTORY_BEFORE.test(text.slice(Math.max(0, start - 60), start)) || NOW_AFTER.test(text.slice(end, end + 20));
}

/** The match's line, at most 200 characters either side: what 'near' means for context words. */
function around(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 200);
  const before = text.slice(from, start);
  const after = text.slice(end, end + 200);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = after.indexOf('\n');
  return before.slice(lineStart) + text.slice(start, end) + (lineEnd < 0 ? after : after.slice(0, lineEnd));
}

function messageFor(name: RetiredName, found: string): string {
  const staff = 'Staff following the plan in an outage should not have to work out who that is now.';
  if (name.otherMeaning)
    return `'${found}' has two meanings: ${name.otherMeaning}, or an outdated name (${name.replacedBy}). If it means the old name, write '${name.replacement}'; if it means ${name.otherMeaning}, write that in full so no one misreads it. ${staff}`;
  return `'${found}' is an outdated name: ${name.replacedBy}.${name.replacement ? ` Write '${name.replacement}' instead.` : ''} ${staff}`;
}

export const outdatedNhsNames: Rule = {
  id: 'outdated-nhs-names',
  severity: 'warning',
  description:
    'Retired NHS bodies and terms (CCG, PCT, NHS Digital, NHSX, CareCERT, N3, 2WW, Action Fraud, PSNC, CPCS, NHS Direct, Choose and Book, Public Health England, NHS Protect ...), with what replaced each.',
  rationale:
    'A plan is followed under pressure by people who may not know the history: "ring the CCG" or "the N3 line" sends them looking for a body or a service that no longer exists. The rule names what replaced each, and offers the new name where swapping the words is all it takes: only swaps that are right wherever the name appears are made by lint --fix; a local body such as your ICB, and a bare acronym with another meaning (IGT is also impaired glucose tolerance), are left to you in the editor. History is left alone: rows of the revision history and the lessons log, and a name given as history ("formerly the CCG", "which replaced Action Fraud", "PSNC (now Community Pharmacy England)"). A link\'s address is never changed, and a name in the front matter is reported but not changed. "Two-week wait" is reported only near a referral or cancer.',
  sources: RETIRED_NAME_SOURCES,
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
      title: 'a two-week wait is the cancer standard only near a referral or cancer',
      markdown:
        '# Plan\n\nThere is a two-week wait for physiotherapy.\n\nSend two-week wait referrals by secure email.\n',
      expected: [
        "5:6-5:19 warning 'two-week wait' is an outdated name: the two-week wait standard was abolished on 1 October 2023; urgent suspected cancer (USC) referrals now work to the 28-day Faster Diagnosis Standard. Write 'urgent suspected cancer (USC)' instead. Staff following the plan in an outage should not have to work out who that is now.",
      ],
    },
    {
      title: 'IGT has two meanings: both are given and nothing is swapped unasked',
      markdown:
        '# Plan\n\nPatients with IGT (impaired glucose tolerance) keep their appointments.\n\nThe IGT return is due in June.\n',
      expected: [
        "5:5-5:8 warning 'IGT' has two meanings: impaired glucose tolerance, or an outdated name (the Information Governance Toolkit, replaced by the Data Security and Protection Toolkit (DSPT) in 2018). If it means the old name, write 'Data Security and Protection Toolkit'; if it means impaired glucose tolerance, write that in full so no one misreads it. Staff following the plan in an outage should not have to work out who that is now.",
      ],
    },
    {
      title: 'history is left alone: the revision history, the lessons log and a former name',
      markdown:
        '# Plan\n\n## Document control\n\n| Version | Date | Author | Change |\n| --- | --- | --- | --- |\n| 1.0 | 2021-03-01 | Sam Lee | Incidents reported to NRLS; agreed with the CCG. |\n\n## Incident and lessons log\n\n| Date | Incident | What worked | What to improve |\n| --- | --- | --- | --- |\n| 2021-05-02 | N3 line down | Reported to NRLS | Tell the CCG sooner |\n\n## Contacts\n\nNHS England (formerly NHS Improvement) runs EPS. Report Fraud, which replaced Action Fraud, takes reports. PSNC (now Community Pharmacy England) has guidance.\n',
      expected: [],
    },
    {
      title: "a link's address is never changed, and the N3 bus is not the old network",
      markdown:
        '# Plan\n\nSee the [ICB page](https://example.nhs.uk/CCG/NHS-Digital/) and <https://example.nhs.uk/CCG/>. Take the N3 bus to the branch.\n',
      expected: [],
    },
    {
      title:
        'names retired since: The N3, Action Fraud, PSNC, CPCS, NHS Direct, Choose and Book, Public Health England, NHS Protect',
      markdown:
        '# Plan\n\nThe N3 went down. Ring Action Fraud. PSNC guidance. Refer to CPCS.\n\nNHS Direct advice; Choose and Book referrals; Public Health England alerts; NHS Protect.\n',
      expected: [
        "3:5-3:7 warning 'N3' is an outdated name: N3 was replaced by the Health and Social Care Network (HSCN), completed in 2020. Write 'HSCN' instead. Staff following the plan in an outage should not have to work out who that is now.",
        "3:24-3:36 warning 'Action Fraud' is an outdated name: Action Fraud was replaced by Report Fraud, run by the City of London Police, on 4 December 2025; the number, 0300 123 2040, is unchanged. Write 'Report Fraud' instead. Staff following the plan in an outage should not have to work out who that is now.",
        "3:38-3:42 warning 'PSNC' is an outdated name: the Pharmaceutical Services Negotiating Committee (PSNC) became Community Pharmacy England in 2023. Write 'Community Pharmacy England' instead. Staff following the plan in an outage should not have to work out who that is now.",
        "3:62-3:66 warning 'CPCS' is an outdated name: the Community Pharmacist Consultation Service (CPCS) became part of Pharmacy First on 31 January 2024, which still takes NHS 111 and GP referrals for urgent medicine supply and minor illness. Write 'Pharmacy First' instead. Staff following the plan in an outage should not have to work out who that is now.",
        "5:1-5:11 warning 'NHS Direct' is an outdated name: NHS Direct closed in England in March 2014 and NHS 111 replaced it; check any phone number written with it. Write 'NHS 111' instead. Staff following the plan in an outage should not have to work out who that is now.",
        "5:20-5:35 warning 'Choose and Book' is an outdated name: Choose and Book was replaced by the NHS e-Referral Service (e-RS) in 2015. Write 'NHS e-Referral Service (e-RS)' instead. Staff following the plan in an outage should not have to work out who that is now.",
        "5:47-5:68 warning 'Public Health England' is an outdated name: Public Health England closed on 1 October 2021: health protection (outbreaks, infectious disease, heat and cold alerts) went to the UK Health Security Agency (UKHSA), and health improvement to the Office for Health Improvement and Disparities (OHID); write the one you mean. Staff following the plan in an outage should not have to work out who that is now.",
        "5:77-5:88 warning 'NHS Protect' is an outdated name: NHS Protect closed on 1 November 2017: report fraud to the NHS Counter Fraud Authority; its security work (violence against staff) did not move there, so write who you report that to now. Staff following the plan in an outage should not have to work out who that is now.",
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
    const skip = [...nonContentRanges(doc), ...linkTargets(doc), ...historyTables(doc)];
    const frontMatter = doc.frontMatter ? doc.sourceMap.get(FRONT_MATTER_POINTER)?.range : undefined;
    const text = doc.text;
    for (const name of RETIRED_NAMES) {
      for (const m of text.matchAll(name.pattern)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (inRanges(skip, start) || saidAsHistory(text, start, end)) continue;
        if (name.onlyNear && !name.onlyNear.test(around(text, start, end))) continue;
        if (name.otherMeaningNear?.test(around(text, start, end))) continue;
        const inFrontMatter = !!frontMatter && start >= frontMatter.start.offset && start < frontMatter.end.offset;
        report({
          range: doc.lines.range(start, end),
          message: messageFor(name, m[0]),
          // a front-matter value is read by the tools: it is reported, and changed only by the person
          fix:
            name.replacement && !inFrontMatter
              ? {
                  title: name.otherMeaning
                    ? `Replace '${m[0]}' with '${name.replacement}' (only if it means the old name)`
                    : `Replace '${m[0]}' with '${name.replacement}'`,
                  safe: name.safe === true && !name.otherMeaning,
                  edits: [{ start, end, text: name.replacement }],
                }
              : undefined,
        });
      }
    }
  },
};
