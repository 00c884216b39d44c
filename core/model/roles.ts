/**
 * Who a step's role is: the roles table's own names, whatever spelling a step uses. "Duty GP" is the
 * "Clinical lead (duty GP)" row, "Reception Supervisor:" is "reception supervisor", "Dispensary
 * manager" is the "Dispensary lead". Used by the step-role rule (an unknown role gets the nearest
 * one) and by the action cards (one card per role, titled as the table writes it).
 */
import type { PlanDocument } from './plan-document.js';
import type { SectionModel } from './plan-model.js';
import { sectionPointer, stepPointer, subsectionPointer, type ModelPointer } from './model-pointer.js';

/** Words meaning the same kind of role: a "manager" of a team is its "lead". */
const SAME: Record<string, string> = {
  manager: 'lead',
  head: 'lead',
  supervisor: 'lead',
  coordinator: 'lead',
  'co-ordinator': 'lead',
  leader: 'lead',
  doctor: 'gp',
  gps: 'gp',
};
/**
 * Everybody: steps for all staff need no row of their own, and a roles-table row for them needs no
 * deputy (the schema's roles table says the same; a test holds the two together).
 */
export const EVERYONE_ROLES: readonly string[] = [
  'anyone',
  'anybody',
  'everyone',
  'everybody',
  'all',
  'all staff',
  'staff',
  'whole team',
  'team',
  'all clinicians',
  'clinicians',
  'clinical staff',
  'all team',
  'each member of staff',
  'every member of staff',
  'practice staff',
  'all practice staff',
  'whole practice',
];

function words(role: string): string[] {
  return role
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/[^\p{L}\p{N}()\s-]+/gu, ' ')
    .split(/[\s()]+/)
    .filter((w) => w && w !== 'the' && w !== 'and')
    .map((w) => SAME[w] ?? (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** The spelling-free key of a role: case, punctuation, bold, "manager"/"lead" and plurals do not matter. */
export function roleKeyOf(role: string): string {
  return words(role.replace(/:\s*$/, '')).join(' ');
}

let groupKeySet: Set<string> | undefined;
function groupKeys(): Set<string> {
  return (groupKeySet ??= new Set(EVERYONE_ROLES.map(roleKeyOf)));
}

export interface TableRole {
  /** As the roles table writes it. */
  written: string;
  key: string;
  /** "duty gp" for "Clinical lead (duty GP)". */
  qualifier?: string;
  words: Set<string>;
}

export function tableRoles(doc: PlanDocument): TableRole[] {
  const rows = doc.model.sections.roles?.tables.roles?.rows ?? [];
  return rows
    .map((r) => (r.role ?? '').trim())
    .filter((r) => r && !r.includes('{{'))
    .map((written) => {
      const q = /\(([^()]{1,60})\)/.exec(written);
      return {
        written,
        key: roleKeyOf(written),
        qualifier: q ? roleKeyOf(q[1]) : undefined,
        words: new Set(words(written)),
      };
    });
}

export type Resolution =
  | { kind: 'same'; role: TableRole } // the same role however spelt: one card
  | { kind: 'part'; role: TableRole } // a shorter name for one row ("Reception" for "Reception and telephony lead")
  | { kind: 'mapped'; role: TableRole } // an incident role held by a practice role ("Incident lead" -> "Practice Manager")
  | { kind: 'group' }
  | { kind: 'owner' }
  | { kind: 'unknown'; nearest?: string };

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 20) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** A mandatory row of the roles table (incident lead, clinical lead ...), from the schema. */
export interface IncidentRole {
  title: string;
  matches(row: Record<string, string>): boolean;
}

export function incidentRolesOf(doc: PlanDocument): IncidentRole[] {
  return doc.catalogue.byId.get('roles')?.tables.find((t) => t.id === 'roles')?.mandatoryRows ?? [];
}

export function resolveRole(
  stepRole: string,
  roles: TableRole[],
  ownerRole?: string,
  incidentRoles?: IncidentRole[],
): Resolution {
  const key = roleKeyOf(stepRole).slice(0, 120);
  if (!key) return { kind: 'group' };
  const same = roles.find((r) => r.key === key) ?? roles.find((r) => r.qualifier === key);
  if (same) return { kind: 'same', role: same };
  if (groupKeys().has(key)) return { kind: 'group' };
  if (ownerRole && roleKeyOf(ownerRole) === key) return { kind: 'owner' };
  const w = words(stepRole);
  // "Reception" for "Reception Supervisor" (and for "Reception (08:00 to 18:30)"): the team's name.
  const containing = roles.filter((r) => w.every((x) => r.words.has(x)));
  if (containing.length >= 1) return { kind: 'part', role: containing[0] };
  const within = roles.filter((r) => [...r.words].every((x) => w.includes(x)) && r.words.size > 0);
  if (within.length === 1) return { kind: 'part', role: within[0] };
  // The incident role the plan needs, held by a practice role: "Incident lead" is the "Practice
  // Manager" row when the schema says a practice manager can be the incident lead.
  for (const needed of incidentRoles ?? []) {
    if (!needed.matches({ role: stepRole })) continue;
    const holder = roles.find((r) => needed.matches({ role: r.written }));
    if (holder) return { kind: 'mapped', role: holder };
  }
  let nearest: string | undefined;
  let best = Infinity;
  const lower = stepRole.toLowerCase().replace(/[*:]/g, '').trim();
  for (const r of roles) {
    const d = Math.min(
      distance(key, r.key),
      distance(lower, r.written.toLowerCase()),
      r.qualifier ? distance(key, r.qualifier) : Infinity,
    );
    // Shared words count, but not the ones every role has ("lead").
    const shared = w.filter((x) => x !== 'lead' && r.words.has(x)).length;
    const score = d - shared * 3;
    if (score < best) {
      best = score;
      nearest = r.written;
    }
  }
  const close = nearest !== undefined && best <= Math.max(2, key.length / 3);
  return { kind: 'unknown', nearest: close ? nearest : undefined };
}

export interface StepRoleUse {
  role: string;
  pointer: ModelPointer;
  sectionTitle: string;
  index: number;
}

/** Every step that names its role, in plan order, with where the role is written. */
export function stepRoles(doc: PlanDocument): StepRoleUse[] {
  const out: StepRoleUse[] = [];
  const walk = (section: SectionModel, ptr: ModelPointer, title: string) => {
    section.steps.forEach((s, i) => {
      if (s.role) out.push({ role: s.role, pointer: stepPointer(ptr, i, 'role'), sectionTitle: title, index: i });
    });
    for (const [id, sub] of Object.entries(section.subsections))
      walk(sub, subsectionPointer(ptr, id), `${title}: ${sub.heading}`);
  };
  for (const h of doc.headings) {
    if (h.depth !== 2 || h.duplicate) continue;
    const section = doc.model.sections[h.id];
    if (section) walk(section, sectionPointer(h.id), section.heading);
  }
  return out;
}
