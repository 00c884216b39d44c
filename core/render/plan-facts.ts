/**
 * What the printed copy needs from the plan, read once from the model: practice details, dates,
 * the key numbers for the emergency page, the people for pre-filled forms.
 */
import type { PlanDocument } from '../model/plan-document.js';
import type { SectionModel, StepModel, TableModel } from '../model/plan-model.js';
import { formatLongDate } from '../dates/loose-date.js';
import { isIsoDate } from '../dates/dates.js';
import { resolveRole, roleKeyOf, tableRoles, type TableRole } from '../model/roles.js';

export interface KeyNumber {
  who: string;
  phone: string;
  alt?: string;
  reference?: string;
}

export interface RoleStep {
  sectionTitle: string;
  step: StepModel;
}

export interface PlanFacts {
  practiceName: string;
  odsCode: string;
  address: string;
  practicePhone: string;
  icbName: string;
  title: string;
  version: string;
  status: string;
  classification: string;
  ownerName: string;
  ownerRole: string;
  approvers: { name: string; role: string; date: string }[];
  dateIssued?: string;
  lastReviewed?: string;
  nextReview?: string;
  lastTested?: string;
  clinicalSystem: string;
  telephonyProvider: string;
  divertNumbers: string[];
  hardCopies: { location: string; holder: string; offSite: boolean }[];
  keyNumbers: KeyNumber[];
  /** Steps by role, in plan order, for the action cards. */
  roleSteps: Map<string, RoleStep[]>;
  /** People named in the roles table, for pre-filled sign-in sheets. */
  staff: { name: string; role: string }[];
  /** Named clinicians, for pre-filled appointment lists. */
  clinicians: string[];
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function longDate(v: unknown): string {
  return isIsoDate(v) ? formatLongDate(v) : str(v);
}

/**
 * The numbers for the emergency page: one per contact row the schema makes mandatory (its
 * `rows.allOf[].contains`, the same test that decides whether the plan passes), in schema order. A row
 * that satisfies the check is therefore always on page 1, and a row added to the schema (or an ICB's
 * extension) is printed there with no second list to keep in step.
 */
function keyNumbers(doc: PlanDocument, contacts: TableModel | undefined): KeyNumber[] {
  if (!contacts) return [];
  const out: KeyNumber[] = [];
  const used = new Set<Record<string, string>>();
  const mandatory =
    (doc.catalogue.byId.get('contacts')?.tables ?? []).find((t) => t.id === 'contacts')?.mandatoryRows ?? [];
  for (const def of mandatory) {
    const row = contacts.rows.find((r) => !used.has(r) && def.matches(r));
    if (!row) continue;
    used.add(row);
    if (row.phone)
      out.push({
        who: row.contact,
        phone: row.phone,
        alt: row.alt_phone || undefined,
        reference: row.reference || undefined,
      });
  }
  return out;
}

/** "**Reception and telephony lead:**" and "Reception" both land on one card per written role. */
export function roleKey(role: string): string {
  return role.replace(/[*:]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * One card per role, whatever spelling the steps use: a step whose role is a row of the roles table
 * (however spelt: "Duty GP" for "Clinical lead (duty GP)", "reception supervisor:" for "Reception
 * Supervisor") goes on that row's card, titled as the table writes it; other roles get a card titled
 * as first written.
 */
function collectSteps(section: SectionModel, title: string, into: Map<string, RoleStep[]>, roles: TableRole[]): void {
  for (const step of section.steps) {
    if (!step.role) continue;
    const resolved = resolveRole(step.role, roles);
    const written = resolved.kind === 'same' ? resolved.role.written : roleKey(step.role);
    const key = roleKeyOf(written);
    const existing = [...into.keys()].find((k) => roleKeyOf(k) === key) ?? written;
    into.set(existing, [...(into.get(existing) ?? []), { sectionTitle: title, step }]);
  }
  for (const sub of Object.values(section.subsections)) collectSteps(sub, `${title}: ${sub.heading}`, into, roles);
}

export function planFacts(doc: PlanDocument): PlanFacts {
  const fm = doc.model.frontMatter;
  const practice = obj(fm.practice);
  const owner = obj(fm.owner);
  const telephony = obj(fm.telephony);
  const sections = doc.model.sections;
  const roleSteps = new Map<string, RoleStep[]>();
  const roles = tableRoles(doc);
  for (const h of doc.headings) {
    if (h.depth !== 2 || h.duplicate) continue;
    const section = sections[h.id];
    if (section) collectSteps(section, section.heading, roleSteps, roles);
  }
  const rolesTable = sections.roles?.tables.roles;
  const staff = (rolesTable?.rows ?? []).flatMap((r) => [
    ...(r.name ? [{ name: r.name, role: r.role ?? '' }] : []),
    ...(r.deputy ? [{ name: r.deputy, role: `Deputy ${r.role ?? ''}`.trim() }] : []), // role names as written
  ]);
  const clinicianPattern = /\b(GP|doctor|clinical|clinician|nurse|ANP|practitioner|pharmacist|paramedic)\b/i;
  const clinicians = [
    ...new Set(
      (rolesTable?.rows ?? [])
        .filter((r) => clinicianPattern.test(r.role ?? ''))
        .flatMap((r) => [r.name, r.deputy])
        .filter((n): n is string => !!n && !/\{\{/.test(n)),
    ),
  ];
  return {
    practiceName: str(practice.name) || 'GP practice',
    odsCode: str(practice.ods_code),
    address: [str(practice.address), str(practice.postcode)].filter(Boolean).join(', '),
    practicePhone: str(practice.phone),
    icbName: str(obj(fm.icb).name),
    title: str(fm.title) || 'IT outage business continuity plan',
    version: str(fm.version),
    status: str(fm.status),
    classification: str(fm.classification),
    ownerName: str(owner.name),
    ownerRole: str(owner.role),
    approvers: arr(fm.approved_by).map((a) => ({
      name: str(obj(a).name),
      role: str(obj(a).role),
      date: str(obj(a).date),
    })),
    dateIssued: str(fm.date_issued) || undefined,
    lastReviewed: str(fm.last_reviewed) || undefined,
    nextReview: str(fm.next_review) || undefined,
    lastTested: str(fm.last_tested) || undefined,
    clinicalSystem: str(obj(fm.clinical_system).name),
    telephonyProvider: str(telephony.provider),
    divertNumbers: arr(telephony.divert_numbers).map(str).filter(Boolean),
    hardCopies: arr(fm.hard_copy_locations).map((h) => ({
      location: str(obj(h).location),
      holder: str(obj(h).holder),
      offSite: obj(h).off_site === true,
    })),
    keyNumbers: keyNumbers(doc, sections.contacts?.tables.contacts),
    roleSteps,
    staff,
    clinicians,
  };
}
