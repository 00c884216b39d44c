/**
 * The paper grab pack: each form the plan's 'Paper templates' table lists, ruled and ready to
 * photocopy, headed with the practice's name, ODS code and plan version, and pre-filled where the
 * plan knows the answer (clinicians' names, staff names, the ICB to invoice).
 */
import type { TableModel } from '../model/plan-model.js';
import { esc } from './html.js';
import type { PlanFacts } from './plan-facts.js';

interface Column {
  label: string;
  /** Relative width. */
  width: number;
}

export interface FormDef {
  id: string;
  title: string;
  /** Matches the form's row in the plan's paper templates table. */
  pattern: RegExp;
  purpose: string;
  kind: 'log' | 'record' | 'slips';
  columns?: Column[];
  rows?: number;
  /** Fields written above a log (Date: ____ Clinician: ____). */
  fields?: string[];
}

const c = (label: string, width = 1): Column => ({ label, width });

export const FORMS: FormDef[] = [
  {
    id: 'day-appointments',
    title: 'Day appointment list',
    pattern: /appointment list|day list|clinic list/i,
    kind: 'log',
    purpose: 'Who is booked to see this clinician today. Tick when the patient arrives and when seen.',
    fields: ['Date', 'Clinician', 'Session (AM / PM)', 'Room'],
    columns: [
      c('Time', 0.7),
      c('Patient name', 2),
      c('Date of birth', 1.1),
      c('Phone', 1.3),
      c('Reason / notes', 2.4),
      c('Arrived', 0.7),
      c('Seen', 0.6),
    ],
    rows: 20,
  },
  {
    id: 'message-slip',
    title: 'Reception message and task slip',
    pattern: /message|task slip/i,
    kind: 'slips',
    purpose: 'One slip per message or task for a clinician or team. Put it in the named tray.',
  },
  {
    id: 'triage-log',
    title: 'Telephone triage log',
    pattern: /triage log|telephone log|call log/i,
    kind: 'log',
    purpose: 'Every request for an appointment or call-back, in time order. The duty clinician reviews it regularly.',
    fields: ['Date', 'Duty clinician'],
    columns: [
      c('Time', 0.6),
      c('Patient name', 1.8),
      c('Date of birth', 1),
      c('Phone', 1.2),
      c('Reason for call', 2.2),
      c('Urgent today? Y/N', 0.9),
      c('Outcome / by whom', 1.8),
    ],
    rows: 18,
  },
  {
    id: 'consultation-record',
    title: 'Consultation record',
    pattern: /consultation record|consultation form|clinical record/i,
    kind: 'record',
    purpose: 'One per consultation. File in the back-entry tray when complete.',
  },
  {
    id: 'prescription-log',
    title: 'Prescription request and issue log',
    pattern: /prescription (request|issue|log)|prescribing log|medication log/i,
    kind: 'log',
    purpose: 'Every prescription requested or issued on paper, for back-entry and safety checks.',
    fields: ['Date'],
    columns: [
      c('Patient name', 1.6),
      c('Date of birth', 1),
      c('Medicine, strength, dose', 2.2),
      c('Quantity', 0.8),
      c('Acute / repeat / CD', 0.9),
      c('Prescriber', 1.1),
      c('FP10 serial', 1.1),
      c('Back-entered', 0.8),
    ],
    rows: 18,
  },
  {
    id: 'fp10-register',
    title: 'FP10 serial number register',
    pattern: /FP10|serial/i,
    kind: 'log',
    purpose: 'Prescription forms are controlled stationery: record every pad or form taken from stock.',
    columns: [
      c('Date', 0.8),
      c('Serial from', 1.3),
      c('Serial to', 1.3),
      c('No. of forms', 0.8),
      c('Issued to (prescriber)', 1.6),
      c('Signature', 1.2),
      c('Unused returned', 0.9),
      c('Checked by', 1),
    ],
    rows: 20,
  },
  {
    id: 'referral-log',
    title: 'Referral log',
    pattern: /referral/i,
    kind: 'log',
    purpose: 'Every referral made on paper, until it has been sent and entered on the record.',
    columns: [
      c('Date', 0.8),
      c('Patient name', 1.6),
      c('Date of birth', 1),
      c('Referred to', 1.6),
      c('Urgency (USC / urgent / routine)', 1.2),
      c('How sent', 1),
      c('Referrer', 1),
      c('Sent', 0.6),
      c('Back-entered', 0.8),
    ],
    rows: 18,
  },
  {
    id: 'results-log',
    title: 'Results and incoming documents log',
    pattern: /results?|incoming doc/i,
    kind: 'log',
    purpose: 'Results phoned through and documents received. Abnormal results go to the duty clinician at once.',
    columns: [
      c('Date / time', 0.9),
      c('Patient name', 1.5),
      c('Date of birth', 1),
      c('From (lab / hospital)', 1.3),
      c('Result or document', 2),
      c('Abnormal? Y/N', 0.7),
      c('Clinician told / action', 1.6),
      c('Back-entered', 0.8),
    ],
    rows: 18,
  },
  {
    id: 'decision-log',
    title: 'Decision and action log',
    pattern: /decision|action log|incident log/i,
    kind: 'log',
    purpose: 'Every decision and action in the incident, as it happens, for the safety review and lessons learned.',
    fields: ['Date', 'Log keeper'],
    columns: [
      c('Time', 0.6),
      c('Decision or action', 3),
      c('Reason', 2),
      c('By (name, role)', 1.3),
      c('Follow-up', 1.4),
    ],
    rows: 16,
  },
  {
    id: 'cost-log',
    title: 'Cost log',
    pattern: /cost/i,
    kind: 'log',
    purpose: 'Extra costs caused by the outage, logged as they happen, to claim them back.',
    fields: ['Incident date'],
    columns: [
      c('Date', 0.8),
      c('Category', 1.1),
      c('Description', 2.4),
      c('Quantity / hours', 0.9),
      c('Unit cost £', 0.9),
      c('Total £', 0.9),
      c('Evidence ref', 1),
      c('Authorised by', 1.1),
    ],
    rows: 16,
  },
  {
    id: 'staff-sign-in',
    title: 'Staff sign-in sheet',
    pattern: /sign[- ]in|staff (log|register|attendance)/i,
    kind: 'log',
    purpose: 'Who was on site and their hours during the incident (for safety and the cost claim).',
    fields: ['Date'],
    columns: [
      c('Name', 1.8),
      c('Role', 1.4),
      c('Time in', 0.8),
      c('Time out', 0.8),
      c('Extra hours', 0.8),
      c('Signature', 1.4),
    ],
    rows: 20,
  },
];

/** The forms to print: those the plan lists (all of them when it lists none we know). */
export function formsForPlan(table: TableModel | undefined): FormDef[] {
  const listed = (table?.rows ?? []).map((r) => r.form ?? '').filter(Boolean);
  const chosen = FORMS.filter((f) => listed.some((name) => f.pattern.test(name)));
  return chosen.length > 0 ? chosen : FORMS;
}

function header(form: FormDef, facts: PlanFacts): string {
  return `<header class="form-head">
  <div class="form-title"><h2>${esc(form.title)}</h2><p>${esc(form.purpose)}</p></div>
  <div class="form-practice">${esc(facts.practiceName)}${facts.odsCode ? ` (${esc(facts.odsCode)})` : ''}<br>Plan version ${esc(facts.version)} &middot; Sheet ____ of ____</div>
</header>`;
}

function fieldLine(fields: string[], values: Record<string, string> = {}): string {
  return `<div class="form-fields">${fields.map((f) => `<span class="field"><b>${esc(f)}:</b> <span class="blank">${esc(values[f] ?? '')}</span></span>`).join('')}</div>`;
}

function logTable(form: FormDef, prefill: string[][] = []): string {
  const cols = form.columns ?? [];
  const total = cols.reduce((n, col) => n + col.width, 0);
  const colgroup = cols.map((col) => `<col style="width:${((col.width / total) * 100).toFixed(1)}%">`).join('');
  const rows = Array.from(
    { length: Math.max(form.rows ?? 15, prefill.length) },
    (_, i) => `<tr>${cols.map((_, j) => `<td>${esc(prefill[i]?.[j] ?? '')}</td>`).join('')}</tr>`,
  ).join('');
  return `<table class="ruled"><colgroup>${colgroup}</colgroup><thead><tr>${cols.map((col) => `<th>${esc(col.label)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

function box(label: string, lines: number, wide = true): string {
  return `<div class="box${wide ? '' : ' half'}"><b>${esc(label)}</b>${'<div class="rule"></div>'.repeat(lines)}</div>`;
}

function consultationRecord(): string {
  return `${fieldLine(['Patient name', 'Date of birth', 'NHS number'])}
${fieldLine(['Address', 'Phone'])}
${fieldLine(['Date', 'Time', 'Clinician', 'Face to face / phone / visit'])}
${box('Alerts (safeguarding, DNACPR / ReSPECT, violence marker, communication needs), from the patient, the Summary Care Record or the vulnerable-patients list', 1)}
${box('History', 3)}
<div class="pair">${box('Allergies (confirmed with patient)', 2, false)}${box('Current medicines (confirmed with patient)', 2, false)}</div>
${box('Examination (incl. observations)', 2)}
${box('Assessment / diagnosis', 2)}
${box('Plan and safety-netting advice given', 2)}
<table class="ruled compact"><thead><tr><th style="width:45%">Prescription issued (medicine, strength, dose)</th><th>Quantity</th><th>FP10 serial</th><th>Logged on prescription log</th></tr></thead><tbody>${'<tr><td></td><td></td><td></td><td></td></tr>'.repeat(3)}</tbody></table>
${fieldLine(['Referral made to', 'Urgency', 'Logged on referral log'])}
${fieldLine(['Signature', 'Printed name'])}
<div class="backentry">For back-entry: entered on the clinical system by ________________ on ____/____/________, marked "entered from handwritten record", with the date and time of entry.</div>`;
}

function messageSlips(): string {
  const slip = `<div class="slip">
${fieldLine(['Date', 'Time', 'Taken by'])}
${fieldLine(['Patient name', 'Date of birth', 'Phone'])}
${fieldLine(['For (clinician or team)', 'Urgent today? Y / N'])}
${box('Message or task', 3)}
${fieldLine(['Action taken', 'By', 'Done'])}
</div>`;
  return slip.repeat(3);
}

export function formHtml(form: FormDef, facts: PlanFacts, copyFor?: string): string {
  let body: string;
  if (form.kind === 'record') body = consultationRecord();
  else if (form.kind === 'slips') body = messageSlips();
  else {
    const values: Record<string, string> = {};
    if (form.id === 'day-appointments' && copyFor) values.Clinician = copyFor;
    const prefill = form.id === 'staff-sign-in' ? facts.staff.map((s) => [s.name, s.role]) : [];
    body = (form.fields ? fieldLine(form.fields, values) : '') + logTable(form, prefill);
    if (form.id === 'cost-log') {
      body += `<p class="form-note">Categories: locum or extra sessions; staff overtime (hours &times; rate); stationery and printing; call and divert charges; courier or transport; IT call-out; other. Keep receipts and timesheets. After stand-down, invoice ${esc(facts.icbName || 'the ICB')} for the total and send a copy to the Local Medical Committee.</p>`;
    }
  }
  return `<article class="form" id="form-${esc(form.id)}${copyFor ? `-${esc(copyFor.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}` : ''}">${header(form, facts)}${body}</article>`;
}

export function formsHtml(forms: FormDef[], facts: PlanFacts): string {
  return forms
    .flatMap((form) =>
      form.id === 'day-appointments' && facts.clinicians.length > 0
        ? facts.clinicians.map((name) => formHtml(form, facts, name))
        : [formHtml(form, facts)],
    )
    .join('\n');
}
