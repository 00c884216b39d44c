/**
 * Retired NHS bodies, services and terms, what replaced each, and when swapping the words is all it
 * takes. Data for the outdated-nhs-names rule: one entry per name, each with the source that says
 * what replaced it. A plan is followed under pressure: staff who read 'ring the CCG' or 'the N3
 * line' lose minutes finding out who or what that is now.
 */
import type { Source } from '../schema/sources.js';
import { CANCER_STANDARDS_REFORM } from './sources.js';

export interface RetiredName {
  /** Matched case-sensitively (acronyms) unless the pattern says otherwise; global, bounded, no nesting. */
  pattern: RegExp;
  what: string;
  replacedBy: string;
  /** Replacement text when a plain substitution is right; otherwise the message says what to write. */
  replacement?: string;
  /** Safe for `lint --fix`: the swap is right wherever the pattern matches, with no judgement. */
  safe?: boolean;
  /**
   * The name means this only near these words (tested on the match's line, at most 200 characters
   * either side): 'a two-week wait for physio' is not the cancer standard.
   */
  onlyNear?: RegExp;
  /** The same letters have another meaning: the message gives both, and nothing is swapped unasked. */
  otherMeaning?: string;
  /** Near these words the other meaning is the one meant, and nothing is reported. */
  otherMeaningNear?: RegExp;
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
  title: 'CQC GP mythbuster 24: recording patient safety events (LFPSE)',
  publisher: 'Care Quality Commission (CQC)',
  url: 'https://cqc.org.uk/guidance-providers/gps/gp-mythbusters/gp-mythbuster-24-recording-patient-safety-events-learn-patient-safety-events',
};
const NCRS_SOURCE: Source = {
  title: 'NHS England: Summary Care Records',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/long-read/summary-care-records-scr/',
};
const DSPT_SOURCE: Source = {
  title: 'IT Governance: the Data Security and Protection Toolkit replaced the IG Toolkit in 2018',
  publisher: 'IT Governance',
  url: 'https://www.itgovernance.co.uk/blog/data-security-and-protection-dsp-toolkit-launched-for-health-and-social-care',
};
const REPORT_FRAUD_SOURCE: Source = {
  title:
    'Report Fraud: the national service for reporting fraud and cyber crime, 0300 123 2040 (replaced Action Fraud on 4 December 2025)',
  publisher: 'City of London Police',
  url: 'https://www.reportfraud.police.uk/',
};
const CPE_SOURCE: Source = {
  title:
    'The Pharmacist: what the vote on the review of pharmacy representation means (PSNC becomes Community Pharmacy England)',
  publisher: 'The Pharmacist',
  url: 'https://www.thepharmacist.co.uk/news/explainer-what-the-yes-vote-to-the-rsg-proposals-now-means/',
};
const PHARMACY_FIRST_SOURCE: Source = {
  title:
    'NHS England: update on the Pharmacy First service (the Community Pharmacist Consultation Service preceded it)',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/long-read/update-on-the-pharmacy-first-service/',
};
const NHS_DIRECT_SOURCE: Source = {
  title: 'PharmaTimes: NHS Direct to close in March 2014 (NHS 111 replaces it)',
  publisher: 'PharmaTimes',
  url: 'https://www.pharmatimes.com/news/nhs_direct_to_close_in_march_2014_1005903',
};
const E_RS_SOURCE: Source = {
  title: 'NHS England: the future of Choose and Book (the NHS e-Referral Service supersedes it)',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/2014/05/12/choose-and-book/',
};
const PHE_SOURCE: Source = {
  title:
    'Nursing in Practice: the UK Health Security Agency replaces Public Health England (health improvement to OHID)',
  publisher: 'Nursing in Practice',
  url: 'https://www.nursinginpractice.com/community-nursing/uk-health-security-body-replaces-phe/',
};
const NHS_PROTECT_SOURCE: Source = {
  title: 'NHS Counter Fraud Authority: NHS Protect ceased to exist on 1 November 2017',
  publisher: 'NHS Counter Fraud Authority',
  url: 'https://cfa.nhs.uk/nhsprotect',
};

const WAIT_FOR_WHAT = /refer|cancer|oncolog|\bUSC\b|suspected|fast[- ]track|\bFDS\b|diagnos/i;

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
    // 'the N3 line', 'The N3 went down'; not a London N3 postcode, the N3 bus or road
    pattern:
      /\bN3\b(?=[ -](?:network|connection|line|circuit|link|router|broadband))|(?<=\b(?:[Tt]he|[Aa]n?|[Oo]ur|[Vv]ia) )N3\b(?![ -]?\d)(?! (?:bus|road|route|area|postcode|district)\b)/g,
    what: 'N3 (the old NHS network)',
    replacedBy: 'N3 was replaced by the Health and Social Care Network (HSCN), completed in 2020',
    replacement: 'HSCN',
    source: HSCN_SOURCE,
  },
  {
    pattern: /\b2 ?WW\b/g,
    what: 'two-week wait (2WW)',
    replacedBy:
      'the two-week wait standard was abolished on 1 October 2023; urgent suspected cancer (USC) referrals now work to the 28-day Faster Diagnosis Standard',
    replacement: 'urgent suspected cancer (USC)',
    source: CANCER_STANDARDS_REFORM,
  },
  {
    pattern: /\b[Tt]wo[- ][Ww]eek[- ][Ww]ait\b/g,
    what: 'two-week wait',
    replacedBy:
      'the two-week wait standard was abolished on 1 October 2023; urgent suspected cancer (USC) referrals now work to the 28-day Faster Diagnosis Standard',
    replacement: 'urgent suspected cancer (USC)',
    onlyNear: WAIT_FOR_WHAT,
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
    pattern: /\bIG Toolkit\b|\bInformation Governance Toolkit\b/g,
    what: 'IG Toolkit',
    replacedBy:
      'the Information Governance Toolkit was replaced by the Data Security and Protection Toolkit (DSPT) in 2018',
    replacement: 'Data Security and Protection Toolkit',
    safe: true,
    source: DSPT_SOURCE,
  },
  {
    pattern: /\bIGT\b/g,
    what: 'IGT',
    replacedBy:
      'the Information Governance Toolkit, replaced by the Data Security and Protection Toolkit (DSPT) in 2018',
    replacement: 'Data Security and Protection Toolkit',
    otherMeaning: 'impaired glucose tolerance',
    otherMeaningNear: /glucose|diabet|\bGTT\b|HbA1c|pre-?diabet/i,
    source: DSPT_SOURCE,
  },
  {
    pattern: /\bAction Fraud\b/g,
    what: 'Action Fraud',
    replacedBy:
      'Action Fraud was replaced by Report Fraud, run by the City of London Police, on 4 December 2025; the number, 0300 123 2040, is unchanged',
    replacement: 'Report Fraud',
    safe: true,
    source: REPORT_FRAUD_SOURCE,
  },
  {
    pattern: /\bPSNC\b|\bPharmaceutical Services Negotiating Committee\b/g,
    what: 'PSNC',
    replacedBy: 'the Pharmaceutical Services Negotiating Committee (PSNC) became Community Pharmacy England in 2023',
    replacement: 'Community Pharmacy England',
    safe: true,
    source: CPE_SOURCE,
  },
  {
    pattern: /\bCommunity Pharmac(?:ist|y) Consultation Service\b/g,
    what: 'Community Pharmacist Consultation Service',
    replacedBy:
      'the Community Pharmacist Consultation Service (CPCS) became part of Pharmacy First on 31 January 2024, which still takes NHS 111 and GP referrals for urgent medicine supply and minor illness',
    replacement: 'Pharmacy First',
    safe: true,
    source: PHARMACY_FIRST_SOURCE,
  },
  {
    pattern: /\bCPCS\b/g,
    what: 'CPCS',
    replacedBy:
      'the Community Pharmacist Consultation Service (CPCS) became part of Pharmacy First on 31 January 2024, which still takes NHS 111 and GP referrals for urgent medicine supply and minor illness',
    replacement: 'Pharmacy First',
    source: PHARMACY_FIRST_SOURCE,
  },
  {
    pattern: /\bNHS Direct\b/g,
    what: 'NHS Direct',
    replacedBy:
      'NHS Direct closed in England in March 2014 and NHS 111 replaced it; check any phone number written with it',
    replacement: 'NHS 111',
    source: NHS_DIRECT_SOURCE,
  },
  {
    pattern: /\bChoose (?:and|&) Book\b/g,
    what: 'Choose and Book',
    replacedBy: 'Choose and Book was replaced by the NHS e-Referral Service (e-RS) in 2015',
    replacement: 'NHS e-Referral Service (e-RS)',
    safe: true,
    source: E_RS_SOURCE,
  },
  {
    pattern: /\bPublic Health England\b/g,
    what: 'Public Health England',
    replacedBy:
      'Public Health England closed on 1 October 2021: health protection (outbreaks, infectious disease, heat and cold alerts) went to the UK Health Security Agency (UKHSA), and health improvement to the Office for Health Improvement and Disparities (OHID); write the one you mean',
    source: PHE_SOURCE,
  },
  {
    pattern: /\bNHS Protect\b/g,
    what: 'NHS Protect',
    replacedBy:
      'NHS Protect closed on 1 November 2017: report fraud to the NHS Counter Fraud Authority; its security work (violence against staff) did not move there, so write who you report that to now',
    source: NHS_PROTECT_SOURCE,
  },
];

/** Every source the list cites, once each, for the rule's docs. */
export const RETIRED_NAME_SOURCES: Source[] = [...new Map(RETIRED_NAMES.map((n) => [n.source.url, n.source])).values()];
