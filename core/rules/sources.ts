/**
 * Sources the content rules cite (the same documents as the schema's `x-sources`; see
 * research/content-audit.md section 1). One constant per document so a URL is written once.
 */
import type { Source } from '../schema/sources.js';

export const BCM_TOOLKIT: Source = {
  title: 'NHS England: business continuity management toolkit',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/long-read/nhs-england-business-continuity-management-toolkit/',
};
export const ICO_BUSINESS_CONTINUITY: Source = {
  title: 'ICO audit toolkit: business continuity management',
  publisher: "Information Commissioner's Office (ICO)",
  url: 'https://ico.org.uk/for-organisations/advice-and-services/audits/data-protection-audit-framework/toolkits/information-and-cyber-security/business-continuity-management',
};
export const ISO_22301_EXERCISING: Source = {
  title: 'ISO 22301 clause 8.5: exercise programme (summary)',
  publisher: 'isomanaged (a summary of ISO 22301)',
  url: 'https://www.isomanaged.com/knowledge-base/iso-standards/iso-22301/iso-22301-clause-8-5-exercise-programme',
};
export const ISO_22300_RTO: Source = {
  title: 'ISO 22300: security and resilience, vocabulary (the recovery time objective)',
  publisher: 'International Organization for Standardization (ISO)',
  url: 'https://www.iso.org/obp/ui/en/#iso:std:iso:22300:ed-4:v1:en',
};
export const CQC_BUSINESS_CONTINUITY: Source = {
  title: 'CQC GP mythbuster 69: business continuity arrangements',
  publisher: 'Care Quality Commission (CQC)',
  url: 'https://www.cqc.org.uk/guidance-providers/gps/gp-mythbuster-69-business-continuity-arrangements-emergencies-major-incidents',
};
export const CQC_DATA_SECURITY: Source = {
  title: 'CQC GP mythbuster 85: data security and protection',
  publisher: 'Care Quality Commission (CQC)',
  url: 'https://www.cqc.org.uk/guidance-providers/gps/nigels-surgery-85-data-security-protection-%E2%80%93-expectations-general-practice',
};
export const EPRR_CORE_STANDARDS: Source = {
  title: 'NHS England: core standards for emergency preparedness, resilience and response (EPRR)',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/long-read/nhs-core-standards-for-emergency-preparedness-resilience-and-response-guidance/',
};
export const DSPT_GP_2025_26: Source = {
  title: 'NHS North East London ICB: Data Security and Protection Toolkit 2025-26 for GP practices',
  publisher: 'NHS North East London ICB',
  url: 'https://primarycare.northeastlondon.icb.nhs.uk/news/data-security-and-protection-toolkit-2025-26-update/',
};
export const ICO_PERSONAL_DATA_BREACH: Source = {
  title: 'ICO: report a personal data breach',
  publisher: "Information Commissioner's Office (ICO)",
  url: 'https://ico.org.uk/for-organisations/report-a-breach/personal-data-breach/',
};
export const PULSE_CONTINGENCY_PLAN: Source = {
  title: 'Pulse CPD: how to create a contingency plan for software outages',
  publisher: 'Pulse',
  url: 'https://www.pulsetoday.co.uk/resource/cpd/cpd-how-to-create-a-contingency-plan-for-software-outages/',
};
export const PRIMARY_CARE_BCP_EXEMPLAR: Source = {
  title:
    'A published primary care business continuity plan template with action cards by role (copy, author not named)',
  publisher: 'Unattributed (a copy on docsbay.net)',
  url: 'https://docsbay.net/turn-to-page-9-for-actions-to-take-in-an-incident',
};
export const CANCER_STANDARDS_REFORM: Source = {
  title: 'NHS England: cancer standards reform (28-day Faster Diagnosis Standard replaces the two-week wait)',
  publisher: 'NHS England',
  url: 'https://www.england.nhs.uk/2023/08/widespread-clinical-support-for-reforming-nhs-cancer-standards-to-speed-up-diagnosis-for-patients/',
};
export const PULSE_PHONE_LINE_LOST: Source = {
  title: 'Pulse: practice loses its phone line for four days',
  publisher: 'Pulse',
  url: 'https://www.pulsetoday.co.uk/news/premises/gp-practice-loses-phone-line-for-four-days-due-to-cable-theft/',
};
export const NHS_CYBER_INCIDENT_REPORTING: Source = {
  title: 'NHS England: report a cyber security incident (Cyber Security Operations Centre)',
  publisher: 'NHS England',
  url: 'https://digital.nhs.uk/cyber-and-data-security/incidents-and-alerts/report-an-incident',
};
